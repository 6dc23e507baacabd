#pragma once
#include <string>

#include "core/metrics/metrics_registry.h"
#include "core/payments/payment_service.h"
#include "core/tenancy/factory_store.h"

namespace paynext::core::payments {

// Alipay async notifications: verify the signature with the Alipay public
// key, the app_id and the amount, settle, and answer the plain text Alipay
// expects ("success" stops its resends, anything else asks for another).
class AlipayNotify {
 public:
  AlipayNotify(PaymentService& payments, metrics::MetricsRegistry& metrics) : payments_(payments), metrics_(metrics) {}

  std::string handle(const tenancy::Factory& factory, const std::string& body);

 private:
  std::string answer(const std::string& outcome, bool success);

  PaymentService& payments_;
  metrics::MetricsRegistry& metrics_;
};

}  // namespace paynext::core::payments
