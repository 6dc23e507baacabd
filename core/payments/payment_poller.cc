#include "core/payments/payment_poller.h"

#include <Poco/Logger.h>

#include "core/common/clock.h"
#include "core/common/exception_text.h"

namespace paynext::core::payments {

namespace {
Poco::Logger& log() { return Poco::Logger::get("paynext.poller"); }
}  // namespace

PaymentPoller::PaymentPoller(PaymentService& payments, RefundService& refunds, PaymentPollerOptions options)
    : payments_(payments), refunds_(refunds), options_(options) {}

PaymentPoller::~PaymentPoller() { stop(); }

void PaymentPoller::start() {
  thread_ = std::thread([this] {
    while (!pause_.stopping()) {
      try {
        pollOnce();
      } catch (const std::exception& e) {
        log().error("poller: %s", exceptionText(e));
      }
      pause_.pause(std::chrono::milliseconds(options_.intervalMs));
    }
  });
}

void PaymentPoller::stop() {
  pause_.stop();
  if (thread_.joinable()) thread_.join();
}

int PaymentPoller::pollOnce() {
  const auto pending = payments_.takePending(nowMs() - options_.delayMs, options_.batch);
  for (const auto& payment : pending) {
    if (pause_.stopping()) break;
    try {
      poll(payment);
    } catch (const std::exception& e) {
      // The channel is down or the config is gone: try again next round.
      log().warning("payment %s: query failed: %s", payment.outTradeId, exceptionText(e));
    }
  }
  if (pause_.stopping()) return static_cast<int>(pending.size());
  return static_cast<int>(pending.size()) + refunds_.pollOnce(nowMs() - options_.delayMs, options_.batch);
}

void PaymentPoller::poll(const PendingPayment& payment) {
  const PaymentChannel* channel = payments_.channels().find(payment.channel);
  if (!channel) return;  // points payments never wait for money
  const auto account = payments_.account(*channel, payment.factoryId);
  const auto report = account->query(payment.outTradeId);
  if (report && report->paid) return settle(payment, *report);
  closeIfExpired(payment, *account);
}

void PaymentPoller::settle(const PendingPayment& payment, const PaymentReport& report) {
  const auto outcome = payments_.settle(payment.factoryId, payment.channel, payment.outTradeId, report.amount,
                                        report.channelTradeNo, report.evidence);
  if (outcome == SettleOutcome::Settled) {
    log().information("payment %s settled by the poller (its notification was lost)", payment.outTradeId);
  } else if (outcome == SettleOutcome::AmountMismatch) {
    log().error("payment %s: the channel reports %?d fen, which does not match", payment.outTradeId, report.amount);
  }
}

void PaymentPoller::closeIfExpired(const PendingPayment& payment, const ChannelAccount& account) {
  if (payment.createdAt + options_.expiryMs > nowMs()) return;
  try {
    account.close(payment.outTradeId);
  } catch (const std::exception&) {
    const auto report = account.query(payment.outTradeId);
    if (report && report->paid) return settle(payment, *report);
    throw;  // not closed at the channel: the payment stays open, and the next round tries again
  }
  if (payments_.close(payment.factoryId, payment.outTradeId)) {
    log().information("payment %s expired unpaid and was closed at its channel", payment.outTradeId);
  }
}

}  // namespace paynext::core::payments
