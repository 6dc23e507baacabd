#pragma once
#include <string>

#include "core/metrics/metrics_registry.h"
#include "core/payments/payment_service.h"
#include "core/payments/refund_service.h"
#include "core/tenancy/factory_store.h"

namespace paynext::core::payments {

// Pay-result and refund-result notifications of every channel
// (/notify/<path>/<factory>): the factory's account verifies signature,
// merchant and format; a payment is matched by amount and settled once, a
// refund's result recorded once; the channel answers in its own words. A
// resend is acknowledged and changes nothing.
class ChannelNotify {
 public:
  ChannelNotify(PaymentService& payments, RefundService& refunds, metrics::MetricsRegistry& metrics)
      : payments_(payments), refunds_(refunds), metrics_(metrics) {}

  // Whether some channel takes notifications at this path.
  bool knows(const std::string& notifyPath) const;
  // factory is null when the path named no enabled factory. notifyPath must be known.
  NotifyReply handle(const std::string& notifyPath, const tenancy::Factory* factory, const InboundMessage& message);

 private:
  struct Outcome {
    NotifyOutcome outcome;
    std::string detail;
  };
  Outcome settle(const std::string& notifyPath, const tenancy::Factory& factory, const PaymentChannel& channel,
                 const InboundMessage& message);

  Outcome finishRefund(const tenancy::Factory& factory, const RefundReport& refund);

  PaymentService& payments_;
  RefundService& refunds_;
  metrics::MetricsRegistry& metrics_;
};

}  // namespace paynext::core::payments
