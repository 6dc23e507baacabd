#pragma once
#include "paynext/sdk/checkout.h"
#include "paynext/sdk/errors.h"

namespace paynext::core::payments {

// The checkout handed to routes called without a user: every use is refused.
class NoCheckout : public sdk::Checkout {
 public:
  sdk::CheckoutResult pay(const sdk::CheckoutRequest&) override { refuse(); }
  sdk::Fen pointsValue(std::int64_t) override { refuse(); }

 private:
  [[noreturn]] static void refuse() { throw sdk::Error(sdk::codes::kNotLoggedIn, "请先登录"); }
};

}  // namespace paynext::core::payments
