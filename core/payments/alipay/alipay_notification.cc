#include "core/payments/alipay/alipay_notification.h"

#include "core/payments/alipay/alipay_error.h"
#include "core/payments/alipay/alipay_form.h"

namespace paynext::core::payments::alipay {

namespace {

NotificationResult refuse(NotificationError error, std::string message) {
  NotificationResult result;
  result.error = error;
  result.message = std::move(message);
  return result;
}

std::string field(const Params& params, const std::string& name) {
  const auto it = params.find(name);
  return it == params.end() ? std::string() : it->second;
}

}  // namespace

NotificationResult parseNotification(const std::string& body, const Poco::Crypto::RSAKey& alipayPublicKey) {
  Params params;
  try {
    params = parseForm(body);
  } catch (const AlipayError& e) {
    return refuse(NotificationError::BadForm, e.what());
  }
  const std::string sign = field(params, "sign");
  if (sign.empty()) return refuse(NotificationError::MissingSign, "the notification is not signed");
  if (!rsa2Verify(signContent(params, Purpose::Notify), sign, alipayPublicKey)) {
    return refuse(NotificationError::BadSignature, "the notification's signature is wrong");
  }

  NotificationResult result;
  AlipayNotification& n = result.notification;
  n.appId = field(params, "app_id");
  n.tradeStatus = field(params, "trade_status");
  n.outTradeNo = field(params, "out_trade_no");
  n.tradeNo = field(params, "trade_no");
  if (n.appId.empty() || n.outTradeNo.empty() || n.tradeStatus.empty()) {
    return refuse(NotificationError::MissingField, "the notification lacks app_id, out_trade_no or trade_status");
  }
  const auto fen = sdk::parseYuan(field(params, "total_amount"));
  if (!fen) {
    return refuse(NotificationError::BadAmount,
                  "the notification's total_amount is not an amount in yuan: '" + field(params, "total_amount") + "'");
  }
  n.totalFen = *fen;
  n.params = std::move(params);
  return result;
}

}  // namespace paynext::core::payments::alipay
