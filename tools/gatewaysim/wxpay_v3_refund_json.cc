#include "tools/gatewaysim/wxpay_v3_refund_json.h"

#include <Poco/JSON/Object.h>

#include "tools/gatewaysim/json_text.h"

namespace paynext::tools::gatewaysim {

namespace {

const std::string kReceivedAccount = "支付用户零钱";

}  // namespace

std::string v3RefundJson(const V3SimRefund& refund) {
  Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
  json.set("refund_id", refund.refundId);
  json.set("out_refund_no", refund.outRefundNo);
  json.set("transaction_id", refund.transactionId);
  json.set("out_trade_no", refund.outTradeNo);
  json.set("channel", "ORIGINAL");
  json.set("user_received_account", kReceivedAccount);
  if (refund.status == "SUCCESS") json.set("success_time", refund.successTime);
  json.set("create_time", refund.createTime);
  json.set("status", refund.status);
  json.set("funds_account", "AVAILABLE");
  Poco::JSON::Object::Ptr amount = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  amount->set("total", refund.total);
  amount->set("refund", refund.refund);
  amount->set("payer_total", refund.total);
  amount->set("payer_refund", refund.refund);
  amount->set("settlement_refund", refund.refund);
  amount->set("settlement_total", refund.total);
  amount->set("discount_refund", 0);
  amount->set("currency", "CNY");
  json.set("amount", amount);
  return stringify(json);
}

std::string v3RefundResourceJson(const V3SimRefund& refund) {
  Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
  json.set("mchid", refund.mchId);
  json.set("transaction_id", refund.transactionId);
  json.set("out_trade_no", refund.outTradeNo);
  json.set("refund_id", refund.refundId);
  json.set("out_refund_no", refund.outRefundNo);
  json.set("refund_status", refund.status);
  if (refund.status == "SUCCESS") json.set("success_time", refund.successTime);
  json.set("user_received_account", kReceivedAccount);
  Poco::JSON::Object::Ptr amount = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  amount->set("total", refund.total);
  amount->set("refund", refund.refund);
  amount->set("payer_total", refund.total);
  amount->set("payer_refund", refund.refund);
  json.set("amount", amount);
  return stringify(json);
}

}  // namespace paynext::tools::gatewaysim
