#include "core/payments/wxpay_v3/wxpay_v3_account.h"

#include "core/payments/wxpay/wxpay_channel.h"
#include "core/payments/wxpay_v3/v3_error.h"
#include "core/payments/wxpay_v3/v3_notification.h"
#include "core/payments/wxpay_v3/v3_pay_params.h"
#include "core/payments/wxpay_v3/v3_request_signer.h"
#include "paynext/sdk/errors.h"

namespace paynext::core::payments::wxpay_v3 {

void WxpayV3Account::checkOrder(const ChannelOrder& order) const {
  if (order.method == "jsapi" && order.openid.empty()) {
    throw sdk::ParamError("openid", "缺少参数 openid(微信支付 v3 JSAPI 下单需要用户的 openid)");
  }
}

PlacedOrder WxpayV3Account::place(const ChannelOrder& order) const {
  const bool app = order.method == "app";
  const auto client = config_.v3Client();
  const V3PrepayRequest request{order.subject, order.outTradeId,
                                order.notifyUrl(wxpay::WxpayChannel::kV3NotifyPath), order.money, "CNY",
                                order.openid};
  PlacedOrder placed;
  placed.prepayId = app ? client.appPrepay(request) : client.jsapiPrepay(request);
  const auto key = config_.v3PrivateKey();
  const std::int64_t timeStamp = nowEpochSeconds();
  const std::string nonce = newNonce();
  const auto params = app ? appPayParams(key, config_.appId, config_.mchId, placed.prepayId, timeStamp, nonce)
                          : jsapiPayParams(key, config_.appId, placed.prepayId, timeStamp, nonce);
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
  for (const auto& [name, value] : params) json->set(name, value);
  json->set("outTradeId", order.outTradeId);
  placed.payParams = json;
  return placed;
}

NotificationReading WxpayV3Account::readNotification(const std::string& notifyPath,
                                                     const InboundMessage& message) const {
  if (notifyPath != wxpay::WxpayChannel::kV3NotifyPath) {
    return NotificationReading::refused(NotifyOutcome::NotConfigured, "未配置微信支付 API v2");
  }
  const V3SignedMessage signedMessage = signedMessageFrom(message.headers, message.body);
  const auto verifier = config_.v3Verifier();
  try {
    verifier.verify(signedMessage, message.receivedAt);
  } catch (const WxpayV3Error& e) {
    return NotificationReading::refused(NotifyOutcome::BadSignature, std::string("验签失败:") + e.what());
  }
  V3Notification notification;
  try {
    notification = parseTransactionNotification(signedMessage, verifier, config_.apiV3Key, message.receivedAt);
  } catch (const WxpayV3Error& e) {
    return NotificationReading::refused(NotifyOutcome::Malformed, std::string("报文解析失败:") + e.what());
  }
  const auto& t = notification.transaction;
  if (t.appId != config_.appId || t.mchId != config_.mchId) {
    return NotificationReading::refused(NotifyOutcome::WrongMerchant, "商户号或 appid 不符");
  }
  return NotificationReading::verified({t.outTradeNo, t.tradeState == "SUCCESS", t.totalFen, t.transactionId});
}

std::optional<PaymentReport> WxpayV3Account::query(const std::string& outTradeId) const {
  V3Transaction answer;
  try {
    // The client accepts only an answer WeChat signed, for this merchant, app and order.
    answer = config_.v3Client().queryByOutTradeNo(outTradeId);
  } catch (const WxpayV3Error& e) {
    if (e.code() != "ORDER_NOT_EXIST") throw;
    return std::nullopt;
  }
  return PaymentReport{outTradeId, answer.tradeState == "SUCCESS", answer.totalFen, answer.transactionId, "v3 query"};
}

void WxpayV3Account::close(const std::string& outTradeId) const {
  try {
    config_.v3Client().closeOrder(outTradeId);
  } catch (const WxpayV3Error& e) {
    if (e.code() != "ORDER_NOT_EXIST") throw;
  }
}

}  // namespace paynext::core::payments::wxpay_v3
