#pragma once
#include <string>

#include "core/metrics/metrics_registry.h"
#include "core/payments/payment_service.h"
#include "core/tenancy/factory_store.h"

namespace paynext::core::payments {

// WeChat Pay v2 pay-result notifications: verify signature, merchant and
// amount, settle the payment, and answer with the XML WeChat expects.
// Resends of a settled payment answer SUCCESS and change nothing.
class WxpayNotification {
 public:
  WxpayNotification(PaymentService& payments, metrics::MetricsRegistry& metrics)
      : payments_(payments), metrics_(metrics) {}

  std::string handle(const tenancy::Factory& factory, const std::string& body);

  static std::string reply(bool success, const std::string& message);

 private:
  // Counts the outcome (paynext_notifications_total) and answers.
  std::string answer(const std::string& outcome, bool success, const std::string& message);

  PaymentService& payments_;
  metrics::MetricsRegistry& metrics_;
};

}  // namespace paynext::core::payments
