#include "core/payments/alipay_notify.h"

#include <Poco/Logger.h>

#include "core/payments/alipay/alipay_keys.h"
#include "core/payments/alipay/alipay_notification.h"

namespace paynext::core::payments {

namespace {
Poco::Logger& log() { return Poco::Logger::get("paynext.notify.alipay"); }
}  // namespace

std::string AlipayNotify::answer(const std::string& outcome, bool success) {
  metrics_.increment("paynext_notifications_total", {{"channel", "alipay"}, {"outcome", outcome}});
  return success ? "success" : "fail";
}

std::string AlipayNotify::handle(const tenancy::Factory& factory, const std::string& body) {
  AlipayChannelConfig config;
  try {
    config = payments_.alipayConfig(factory.id);
  } catch (const std::exception&) {
    return answer("not_configured", false);
  }
  const auto parsed = alipay::parseNotification(body, alipay::loadPublicKey(config.alipayPublicKey));
  if (!parsed.ok()) {
    log().warning("factory %s: notification refused: %s", factory.name, parsed.message);
    const bool signature = parsed.error == alipay::NotificationError::BadSignature ||
                           parsed.error == alipay::NotificationError::MissingSign;
    return answer(signature ? "bad_signature" : "malformed", false);
  }
  const auto& n = parsed.notification;
  if (n.appId != config.appId) {
    log().warning("factory %s: notification for another app_id refused", factory.name);
    return answer("wrong_merchant", false);
  }
  // Only these two mean the money arrived; others (WAIT_BUYER_PAY, TRADE_CLOSED) change nothing.
  if (n.tradeStatus != "TRADE_SUCCESS" && n.tradeStatus != "TRADE_FINISHED") return answer("payment_failed", true);
  switch (payments_.settle(factory.id, "alipay", n.outTradeNo, n.totalFen, n.tradeNo, body)) {
    case SettleOutcome::Settled:
      log().information("factory %s: payment %s settled", factory.name, n.outTradeNo);
      return answer("settled", true);
    case SettleOutcome::AlreadyPaid:
      return answer("duplicate", true);
    case SettleOutcome::UnknownPayment:
      log().warning("factory %s: notification for unknown payment %s", factory.name, n.outTradeNo);
      return answer("unknown_payment", false);
    case SettleOutcome::AmountMismatch:
      log().warning("factory %s: notification for %s with a wrong amount refused", factory.name, n.outTradeNo);
      return answer("amount_mismatch", false);
  }
  return answer("error", false);
}

}  // namespace paynext::core::payments
