#include "core/payments/wxpay_v3/wxpay_v3_account.h"

#include <Poco/JSON/Parser.h>

#include "core/payments/wxpay/wxpay_channel.h"
#include "core/payments/wxpay_v3/v3_error.h"
#include "core/payments/wxpay_v3/v3_notification.h"
#include "core/payments/wxpay_v3/v3_pay_params.h"
#include "core/payments/wxpay_v3/v3_refund_notification.h"
#include "core/payments/wxpay_v3/v3_request_signer.h"
#include "paynext/sdk/errors.h"

namespace paynext::core::payments::wxpay_v3 {

namespace {

// SUCCESS gave the money back, CLOSED did not; ABNORMAL (the account could
// not take it) waits for the merchant to finish it by hand, so it is still
// under way, with a note.
RefundReport reportOf(const V3Refund& refund) {
  if (refund.status == "SUCCESS") return {refund.outRefundNo, RefundState::Succeeded, refund.refundId, ""};
  if (refund.status == "CLOSED") return {refund.outRefundNo, RefundState::Failed, refund.refundId, "CLOSED"};
  const std::string note = refund.status == "ABNORMAL" ? "ABNORMAL 退款异常:需在微信支付商户平台手动处理" : "";
  return {refund.outRefundNo, RefundState::Processing, refund.refundId, note};
}

// Answers worth asking again rather than a refusal: no answer, or WeChat's own trouble.
bool retryable(const WxpayV3Error& e) {
  return e.code().empty() || e.code() == "SYSTEM_ERROR" || e.code() == "FREQUENCY_LIMITED";
}

// A verified notification's kind: REFUND.* or (otherwise) TRANSACTION.*.
bool isRefundEvent(const std::string& body) {
  try {
    const auto json = Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
    return json->optValue<std::string>("event_type", "").rfind("REFUND.", 0) == 0;
  } catch (const Poco::Exception&) {
    return false;  // the transaction parser says what is wrong with it
  }
}

}  // namespace

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
  if (isRefundEvent(message.body)) return readRefund(signedMessage, verifier, message.receivedAt);
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
  return NotificationReading::verified(
      {t.outTradeNo, t.tradeState == "SUCCESS", t.totalFen, t.transactionId, ""});
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

NotificationReading WxpayV3Account::readRefund(const V3SignedMessage& message, const V3ResponseVerifier& verifier,
                                               std::int64_t receivedAt) const {
  V3RefundNotification notification;
  try {
    notification = parseRefundNotification(message, verifier, config_.apiV3Key, receivedAt);
  } catch (const WxpayV3Error& e) {
    return NotificationReading::refused(NotifyOutcome::Malformed, std::string("报文解析失败:") + e.what());
  }
  if (notification.refund.mchId != config_.mchId) {
    return NotificationReading::refused(NotifyOutcome::WrongMerchant, "商户号或 appid 不符");
  }
  return NotificationReading::verified(reportOf(notification.refund));
}

RefundReport WxpayV3Account::refund(const ChannelRefund& r) const {
  try {
    return reportOf(config_.v3Client().refund(
        {r.outTradeId, r.outRefundNo, r.reason, r.notifyUrl(wxpay::WxpayChannel::kV3NotifyPath), r.amount, r.total}));
  } catch (const WxpayV3Error& e) {
    if (retryable(e)) throw;
    return {r.outRefundNo, RefundState::Failed, "", e.what()};
  }
}

std::optional<RefundReport> WxpayV3Account::queryRefund(const std::string&, const std::string& outRefundNo) const {
  try {
    return reportOf(config_.v3Client().queryRefund(outRefundNo));
  } catch (const WxpayV3Error& e) {
    if (e.code() != "RESOURCE_NOT_EXISTS") throw;
    return std::nullopt;
  }
}

}  // namespace paynext::core::payments::wxpay_v3
