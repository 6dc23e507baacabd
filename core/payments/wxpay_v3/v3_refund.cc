#include "core/payments/wxpay_v3/v3_refund.h"

#include "core/payments/wxpay_v3/v3_error.h"
#include "core/payments/wxpay_v3/v3_json.h"

namespace paynext::core::payments::wxpay_v3 {

namespace {

const std::string kWhat = "refund";

// Both shapes name the same things, but the status field differs.
V3Refund readRefund(const std::string& json, const std::string& statusField) {
  const auto object = parseJsonObject(json, kWhat);
  V3Refund r;
  r.refundId = requiredString(*object, "refund_id", kWhat);
  r.outRefundNo = requiredString(*object, "out_refund_no", kWhat);
  r.outTradeNo = requiredString(*object, "out_trade_no", kWhat);
  r.transactionId = optionalString(*object, "transaction_id", kWhat);
  r.status = requiredString(*object, statusField, kWhat);
  r.successTime = optionalString(*object, "success_time", kWhat);
  r.mchId = optionalString(*object, "mchid", kWhat);
  if (r.status != "SUCCESS" && r.status != "CLOSED" && r.status != "PROCESSING" && r.status != "ABNORMAL") {
    throw WxpayV3Error(kWhat + " " + statusField + " '" + r.status + "' is not SUCCESS, CLOSED, PROCESSING or ABNORMAL");
  }
  const auto amount = optionalObject(*object, "amount", kWhat);
  if (!amount) throw WxpayV3Error(kWhat + " has no amount");
  const auto refund = optionalInteger(*amount, "refund", kWhat + " amount");
  const auto total = optionalInteger(*amount, "total", kWhat + " amount");
  if (!refund || !total || *refund <= 0 || *total < *refund) {
    throw WxpayV3Error(kWhat + " amount needs 0 < refund <= total");
  }
  r.refundFen = *refund;
  r.totalFen = *total;
  r.payerRefundFen = optionalInteger(*amount, "payer_refund", kWhat + " amount");
  return r;
}

}  // namespace

V3Refund parseRefund(const std::string& json) { return readRefund(json, "status"); }

V3Refund parseRefundResource(const std::string& json) {
  V3Refund r = readRefund(json, "refund_status");
  if (r.mchId.empty()) throw WxpayV3Error(kWhat + " has no string 'mchid'");
  return r;
}

}  // namespace paynext::core::payments::wxpay_v3
