#include "tools/gatewaysim/wxpay_refund_notification.h"

#include "core/crypto/digest.h"
#include "core/payments/wxpay/wxpay_refund_notification.h"
#include "core/payments/wxpay/wxpay_xml.h"
#include "tools/gatewaysim/wxpay_notification.h"

namespace paynext::tools::gatewaysim {

namespace wx = core::payments::wxpay;

wx::Fields refundInfo(const SimRefund& refund) {
  const std::string total = std::to_string(refund.totalFee);
  const std::string fee = std::to_string(refund.refundFee);
  wx::Fields info{{"transaction_id", refund.transactionId},
                  {"out_trade_no", refund.outTradeNo},
                  {"refund_id", refund.refundId},
                  {"out_refund_no", refund.outRefundNo},
                  {"total_fee", total},
                  {"settlement_total_fee", total},
                  {"refund_fee", fee},
                  {"settlement_refund_fee", fee},
                  {"refund_status", refund.status},
                  {"refund_recv_accout", "支付用户零钱"},
                  {"refund_account", "REFUND_SOURCE_RECHARGE_FUNDS"},
                  {"refund_request_source", "API"}};
  if (!refund.successTime.empty()) info["success_time"] = refund.successTime;
  return info;
}

Notification wxpayRefundNotification(const SimRefund& refund, const Merchant& merchant, RefundStore& store) {
  Notification notification;
  notification.url = refund.notifyUrl;
  notification.contentType = "text/xml";
  // Unsigned, as WeChat sends it: only the merchant's key decrypts req_info.
  notification.body = wx::toXml({{"return_code", "SUCCESS"},
                                 {"appid", refund.appId},
                                 {"mch_id", refund.mchId},
                                 {"nonce_str", core::crypto::randomHex(16)},
                                 {"req_info", wx::encryptRefundInfo(refundInfo(refund), merchant.apiKey)}});
  notification.label = "refund " + refund.outRefundNo;
  notification.judge = judgeWxpayReply;
  notification.record = attemptRecorder(store, RefundStore::keyOf(refund));
  return notification;
}

}  // namespace paynext::tools::gatewaysim
