#include "core/payments/alipay/alipay_account.h"

#include "core/payments/alipay/alipay_channel.h"
#include "core/payments/alipay/alipay_client.h"
#include "core/payments/alipay/alipay_keys.h"
#include "core/payments/alipay/alipay_notification.h"
#include "core/payments/alipay/alipay_order_string.h"
#include "core/payments/alipay/alipay_refund.h"

namespace paynext::core::payments::alipay {

PlacedOrder AlipayAccount::place(const ChannelOrder& order) const {
  AlipayOrder request;
  request.appId = config_.appId;
  request.privateKey = config_.privateKey;
  request.gatewayUrl = config_.gatewayUrl;
  request.notifyUrl = order.notifyUrl(AlipayChannel::kNotifyPath);
  request.outTradeNo = order.outTradeId;
  request.totalFen = order.money;
  request.subject = order.subject;
  request.body = order.body;
  request.returnUrl = order.returnUrl;
  request.quitUrl = order.quitUrl;
  // Alipay closes the trade when paynext would.
  if (order.timeoutMinutes > 0) request.timeoutExpress = std::to_string(order.timeoutMinutes) + "m";
  // The app (or the browser) takes this to Alipay; nothing is sent from here.
  PlacedOrder placed;
  placed.payParams = order.method == "app" ? appPayOrderString(request) : wapPayUrl(request);
  return placed;
}

NotificationReading AlipayAccount::readNotification(const std::string&, const InboundMessage& message) const {
  const auto parsed = parseNotification(message.body, loadPublicKey(config_.alipayPublicKey));
  if (!parsed.ok()) {
    const bool signature =
        parsed.error == NotificationError::BadSignature || parsed.error == NotificationError::MissingSign;
    return NotificationReading::refused(signature ? NotifyOutcome::BadSignature : NotifyOutcome::Malformed,
                                        parsed.message);
  }
  const auto& n = parsed.notification;
  if (n.appId != config_.appId) return NotificationReading::refused(NotifyOutcome::WrongMerchant, "app_id 不符");
  // Only these two mean the money arrived; others (WAIT_BUYER_PAY, TRADE_CLOSED) change nothing.
  const bool paid = n.tradeStatus == "TRADE_SUCCESS" || n.tradeStatus == "TRADE_FINISHED";
  return NotificationReading::verified({n.outTradeNo, paid, n.totalFen, n.tradeNo, ""});
}

std::optional<PaymentReport> AlipayAccount::query(const std::string& outTradeId) const {
  TradeQueryResult answer;
  try {
    answer = AlipayClient(config_.clientConfig()).tradeQuery(outTradeId);
  } catch (const AlipayError& e) {
    // Alipay knows a trade only once the user opened the payment.
    if (e.subCode() != "ACQ.TRADE_NOT_EXIST") throw;
    return std::nullopt;
  }
  const bool paid = answer.tradeStatus == "TRADE_SUCCESS" || answer.tradeStatus == "TRADE_FINISHED";
  return PaymentReport{outTradeId, paid, answer.totalFen, answer.tradeNo, "trade.query"};
}

void AlipayAccount::close(const std::string& outTradeId) const {
  const AlipayClient client(config_.clientConfig());
  try {
    client.tradeClose(outTradeId);
  } catch (const AlipayError& e) {
    // No trade: the buyer never opened the cashier, so nothing can be paid.
    if (e.subCode() == "ACQ.TRADE_NOT_EXIST") return;
    // Paid, or closed before: only the trade's state tells which.
    if (e.subCode() != "ACQ.TRADE_STATUS_ERROR" || client.tradeQuery(outTradeId).tradeStatus != "TRADE_CLOSED") throw;
  }
}

// Alipay answers a refund at once: code 10000 means the money went back (a
// repeated out_request_no answers the same refund again).
RefundReport AlipayAccount::refund(const ChannelRefund& r) const {
  try {
    const RefundResult answer =
        AlipayClient(config_.clientConfig()).tradeRefund({r.outTradeId, r.outRefundNo, r.amount, r.reason});
    return {r.outRefundNo, RefundState::Succeeded, answer.tradeNo, ""};
  } catch (const AlipayError& e) {
    // No sub_code: no answer, or one we could not trust; ACQ.SYSTEM_ERROR: Alipay asks to retry.
    if (e.subCode().empty() || e.subCode() == "ACQ.SYSTEM_ERROR") throw;
    return {r.outRefundNo, RefundState::Failed, "", e.what()};
  }
}

std::optional<RefundReport> AlipayAccount::queryRefund(const std::string& outTradeId,
                                                       const std::string& outRefundNo) const {
  const RefundQueryResult answer = AlipayClient(config_.clientConfig()).refundQuery(outTradeId, outRefundNo);
  // Not refunded: Alipay never took it (a refusal is answered at once), so it is sent again.
  if (!answer.refunded()) return std::nullopt;
  return RefundReport{outRefundNo, RefundState::Succeeded, answer.tradeNo, ""};
}

}  // namespace paynext::core::payments::alipay
