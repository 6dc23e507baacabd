#pragma once
#include <string>

#include "core/metrics/metrics_registry.h"
#include "core/payments/payment_service.h"
#include "core/tenancy/factory_store.h"

namespace paynext::core::payments {

// Pay-result notifications of every channel (/notify/<path>/<factory>): the
// factory's account verifies signature, merchant and format, the amount is
// matched and the payment settled once, and the channel answers in its own
// words. A resend of a settled payment is acknowledged and changes nothing.
class ChannelNotify {
 public:
  ChannelNotify(PaymentService& payments, metrics::MetricsRegistry& metrics) : payments_(payments), metrics_(metrics) {}

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

  PaymentService& payments_;
  metrics::MetricsRegistry& metrics_;
};

}  // namespace paynext::core::payments
