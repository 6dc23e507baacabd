#pragma once
#include "core/identity/user_service.h"
#include "core/payments/payment_service.h"
#include "core/tenancy/factory_store.h"
#include "paynext/sdk/checkout.h"

namespace paynext::core::payments {

// The SDK's Checkout for one logged-in user, handed to module routes: opens
// payments through the same PaymentService paths as the mobile endpoints.
class UserCheckout : public sdk::Checkout {
 public:
  // inTransaction: the route runs inside a transaction, where a payment (its
  // own transaction and maybe a network call) must not be opened.
  UserCheckout(PaymentService& payments, const tenancy::Factory& factory, identity::User user, bool inTransaction)
      : payments_(payments), factory_(factory), user_(std::move(user)), inTransaction_(inTransaction) {}

  sdk::CheckoutResult pay(const sdk::CheckoutRequest& request) override;
  sdk::Fen pointsValue(std::int64_t points) override { return payments_.pointsValue(factory_.id, points); }

 private:
  PaymentService& payments_;
  const tenancy::Factory& factory_;
  identity::User user_;
  bool inTransaction_;
};

}  // namespace paynext::core::payments
