#include "core/payments/wxpay_v3_notify.h"

#include <Poco/Logger.h>

#include "core/payments/wxpay_v3/v3_error.h"
#include "core/payments/wxpay_v3/v3_request_signer.h"

namespace paynext::core::payments {

namespace {
Poco::Logger& log() { return Poco::Logger::get("paynext.notify.wxpay-v3"); }
}  // namespace

wxpay_v3::V3Reply WxpayV3Notify::answer(const std::string& outcome, int status, const std::string& message) {
  metrics_.increment("paynext_notifications_total", {{"channel", "wxpay-v3"}, {"outcome", outcome}});
  return wxpay_v3::v3Reply(status < 300, message, status);
}

wxpay_v3::V3Reply WxpayV3Notify::handle(const tenancy::Factory& factory, const wxpay_v3::V3SignedMessage& message) {
  return handle(factory, message, wxpay_v3::nowEpochSeconds());
}

wxpay_v3::V3Reply WxpayV3Notify::handle(const tenancy::Factory& factory, const wxpay_v3::V3SignedMessage& message,
                                        std::int64_t nowEpochSeconds) {
  try {
    WxpayChannelConfig config;
    try {
      config = payments_.wxpayConfig(factory.id);
    } catch (const std::exception&) {
      return answer("not_configured", 500, "未配置微信支付");
    }
    if (!config.isV3()) return answer("not_configured", 500, "未配置微信支付 API v3");
    const auto verifier = config.v3Verifier();
    // Signature, serial and replay window first: nothing unverified is parsed.
    try {
      verifier.verify(message, nowEpochSeconds);
    } catch (const wxpay_v3::WxpayV3Error& e) {
      log().warning("factory %s: notification refused: %s", factory.name, std::string(e.what()));
      return answer("bad_signature", 401, std::string("验签失败:") + e.what());
    }
    wxpay_v3::V3Notification notification;
    try {
      notification = wxpay_v3::parseTransactionNotification(message, verifier, config.apiV3Key, nowEpochSeconds);
    } catch (const wxpay_v3::WxpayV3Error& e) {
      log().warning("factory %s: unreadable notification: %s", factory.name, std::string(e.what()));
      return answer("malformed", 400, std::string("报文解析失败:") + e.what());
    }
    const auto& t = notification.transaction;
    if (t.appId != config.appId || t.mchId != config.mchId) {
      log().warning("factory %s: notification for another merchant refused", factory.name);
      return answer("wrong_merchant", 400, "商户号或 appid 不符");
    }
    if (t.tradeState != "SUCCESS") return answer("payment_failed", 200);  // nothing to settle
    switch (payments_.settle(factory.id, "wxpay", t.outTradeNo, t.totalFen, t.transactionId, message.body)) {
      case SettleOutcome::Settled:
        log().information("factory %s: payment %s settled", factory.name, t.outTradeNo);
        return answer("settled", 200);
      case SettleOutcome::AlreadyPaid:
        return answer("duplicate", 200);
      case SettleOutcome::UnknownPayment:
        log().warning("factory %s: notification for unknown payment %s", factory.name, t.outTradeNo);
        return answer("unknown_payment", 404, "订单不存在");
      case SettleOutcome::AmountMismatch:
        log().warning("factory %s: notification for %s with a wrong amount refused", factory.name, t.outTradeNo);
        return answer("amount_mismatch", 400, "金额不符");
    }
  } catch (const std::exception& e) {
    log().error("factory %s: notification failed: %s", factory.name, std::string(e.what()));
  }
  return answer("error", 500, "服务器内部错误");
}

}  // namespace paynext::core::payments
