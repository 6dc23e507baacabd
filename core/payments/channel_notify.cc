#include "core/payments/channel_notify.h"

#include <Poco/Logger.h>

#include "core/common/exception_text.h"

namespace paynext::core::payments {

namespace {
Poco::Logger& log() { return Poco::Logger::get("paynext.notify"); }
}  // namespace

bool ChannelNotify::knows(const std::string& notifyPath) const {
  return payments_.channels().byNotifyPath(notifyPath) != nullptr;
}

NotifyReply ChannelNotify::handle(const std::string& notifyPath, const tenancy::Factory* factory,
                                  const InboundMessage& message) {
  const PaymentChannel& channel = *payments_.channels().byNotifyPath(notifyPath);
  Outcome result{NotifyOutcome::UnknownFactory, "工厂不存在"};
  if (factory) {
    try {
      result = settle(notifyPath, *factory, channel, message);
    } catch (const std::exception& e) {
      log().error("%s notification for factory %s failed: %s", notifyPath, factory->name, exceptionText(e));
      result = {NotifyOutcome::Error, "服务器内部错误"};
    }
  }
  metrics_.increment("paynext_notifications_total", {{"channel", notifyPath}, {"outcome", outcomeLabel(result.outcome)}});
  return channel.reply(notifyPath, result.outcome, result.detail);
}

ChannelNotify::Outcome ChannelNotify::settle(const std::string& notifyPath, const tenancy::Factory& factory,
                                             const PaymentChannel& channel, const InboundMessage& message) {
  std::unique_ptr<ChannelAccount> account;
  try {
    account = payments_.account(channel, factory.id);
  } catch (const std::exception&) {
    return {NotifyOutcome::NotConfigured, "未配置" + channel.title()};
  }
  const NotificationReading reading = account->readNotification(notifyPath, message);
  if (!reading.isVerified()) {
    log().warning("factory %s: %s notification refused (%s): %s", factory.name, notifyPath,
                  outcomeLabel(reading.refusal), reading.detail);
    return {reading.refusal, reading.detail};
  }
  if (reading.refund) return finishRefund(factory, *reading.refund);
  const PaymentReport& report = *reading.report;
  if (!report.paid) return {NotifyOutcome::PaymentFailed, ""};  // nothing to settle
  switch (payments_.settle(factory.id, channel.name(), report.outTradeId, report.amount, report.channelTradeNo,
                           message.body)) {
    case SettleOutcome::Settled:
      log().information("factory %s: payment %s settled", factory.name, report.outTradeId);
      return {NotifyOutcome::Settled, ""};
    case SettleOutcome::AlreadyPaid:
      return {NotifyOutcome::Duplicate, ""};
    case SettleOutcome::UnknownPayment:
      log().warning("factory %s: notification for unknown payment %s", factory.name, report.outTradeId);
      return {NotifyOutcome::UnknownPayment, "订单不存在"};
    case SettleOutcome::AmountMismatch:
      log().warning("factory %s: notification for %s with a wrong amount refused", factory.name, report.outTradeId);
      return {NotifyOutcome::AmountMismatch, "金额不符"};
  }
  return {NotifyOutcome::Error, "服务器内部错误"};
}

ChannelNotify::Outcome ChannelNotify::finishRefund(const tenancy::Factory& factory, const RefundReport& refund) {
  switch (refunds_.finish(factory.id, refund)) {
    case RefundService::Finish::Finished:
      return {NotifyOutcome::Refunded, ""};
    case RefundService::Finish::AlreadyFinished:
      return {NotifyOutcome::Duplicate, ""};
    case RefundService::Finish::Unknown:
      log().warning("factory %s: refund notification for unknown refund %s", factory.name, refund.outRefundNo);
      return {NotifyOutcome::UnknownPayment, "退款单不存在"};
  }
  return {NotifyOutcome::Error, "服务器内部错误"};
}

}  // namespace paynext::core::payments
