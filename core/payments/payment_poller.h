#pragma once
#include <cstdint>
#include <thread>

#include "core/common/loop_pause.h"
#include "core/payments/payment_service.h"
#include "core/payments/refund_service.h"

namespace paynext::core::payments {

struct PaymentPollerOptions {
  int intervalMs = 5000;                       // how often to look for stale payments
  std::int64_t delayMs = 60 * 1000;            // a payment is asked about after this long, then again each delay
  std::int64_t expiryMs = 2 * 60 * 60 * 1000;  // unpaid after this long: closed
  int batch = 50;
};

// Catches lost notifications: asks the channel about payments still CREATED
// and settles the paid ones through the same path as a notification; closes
// the ones past their expiry; asks about refunds still PROCESSING (and sends
// again those the channel never received). A notification for a closed payment that the
// channel says was paid is still honoured (PaymentService::settle).
class PaymentPoller {
 public:
  PaymentPoller(PaymentService& payments, RefundService& refunds, PaymentPollerOptions options);
  ~PaymentPoller();

  void start();
  void stop();
  // One round; returns how many payments and refunds were asked about.
  int pollOnce();

 private:
  void poll(const PendingPayment& payment);
  void settle(const PendingPayment& payment, const PaymentReport& report);
  // Past its expiry, a payment is closed at the channel first; one the
  // channel says was paid meanwhile is settled instead.
  void closeIfExpired(const PendingPayment& payment, const ChannelAccount& account);

  PaymentService& payments_;
  RefundService& refunds_;
  PaymentPollerOptions options_;
  std::thread thread_;
  LoopPause pause_;
};

}  // namespace paynext::core::payments
