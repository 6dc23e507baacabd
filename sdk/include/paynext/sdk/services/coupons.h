#pragma once
#include "paynext/sdk/visibility.h"
#include <cstdint>
#include <string>
#include <vector>

#include "paynext/sdk/action_context.h"
#include "paynext/sdk/money.h"
#include "paynext/sdk/service.h"

namespace paynext::sdk::services {

// One coupon a user holds (not the rule it was issued under).
struct Coupon {
  std::int64_t id = 0;
  std::string name;
  Fen money = 0;               // what it takes off
  Fen minAmount = 0;           // the amount it needs (0: any)
  std::int64_t expiresAt = 0;  // epoch ms; 0: never
};

struct CouponQuote {
  Fen amount = 0;    // before the coupons
  Fen discount = 0;  // never more than amount
  Fen payable = 0;   // amount - discount
  std::vector<std::int64_t> couponIds;
};

// Coupons of the caller's factory, provided by the coupons module (types 7,
// 8 and 9 use it). Every call works in the caller's session, so a redemption
// commits or rolls back with the caller's step or route. Refusals throw
// Error with codes::kCouponGone .. kCouponUnavailable or kBadRequest.
class PAYNEXT_SDK_API CouponsService : public Service {
 public:
  static constexpr const char* kName = "coupons";
  static constexpr int kVersion = 1;
  static constexpr const char* kProvider = "优惠券";

  // The user's coupons usable now on `amount` (0: on any amount).
  virtual std::vector<Coupon> usable(Scope& scope, std::int64_t userId, Fen amount) = 0;
  // What the coupons would take off `amount`, changing nothing.
  virtual CouponQuote quote(Scope& scope, std::int64_t userId, const std::vector<std::int64_t>& couponIds,
                            Fen amount) = 0;
  // Marks the coupons used under `reference`. Idempotent: the same reference
  // again answers the first quote and redeems nothing more.
  virtual CouponQuote redeem(Scope& scope, std::int64_t userId, const std::vector<std::int64_t>& couponIds,
                             Fen amount, const std::string& reference) = 0;
  // Gives back what `reference` redeemed (an order cancelled, a step that
  // will not complete); false when nothing is redeemed under it.
  virtual bool release(Scope& scope, const std::string& reference) = 0;
};

}  // namespace paynext::sdk::services
