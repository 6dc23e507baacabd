#pragma once
#include <string>

#include "core/payments/payment_service.h"
#include "core/tenancy/factory_store.h"

namespace paynext::core::payments {

// WeChat Pay v2 pay-result notifications: verify signature, merchant and
// amount, settle the payment, and answer with the XML WeChat expects.
// Resends of a settled payment answer SUCCESS and change nothing.
class WxpayNotification {
 public:
  explicit WxpayNotification(PaymentService& payments) : payments_(payments) {}

  std::string handle(const tenancy::Factory& factory, const std::string& body);

  static std::string reply(bool success, const std::string& message);

 private:
  PaymentService& payments_;
};

}  // namespace paynext::core::payments
