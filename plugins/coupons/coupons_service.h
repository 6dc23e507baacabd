#pragma once
#include "paynext/sdk/services/coupons.h"

namespace paynext::plugins::coupons {

// The coupons service other modules (types 8 and 9 first) use to take coupons
// off their amounts, in the caller's session. Several coupons apply in the
// order given, each to what the ones before it left; each one's threshold
// (minAmount) is checked against the whole amount.
class CouponsServiceImpl : public sdk::services::CouponsService {
 public:
  std::vector<sdk::services::Coupon> usable(sdk::Scope& scope, std::int64_t userId, sdk::Fen amount) override;
  sdk::services::CouponQuote quote(sdk::Scope& scope, std::int64_t userId, const std::vector<std::int64_t>& couponIds,
                                   sdk::Fen amount) override;
  sdk::services::CouponQuote redeem(sdk::Scope& scope, std::int64_t userId,
                                    const std::vector<std::int64_t>& couponIds, sdk::Fen amount,
                                    const std::string& reference) override;
  bool release(sdk::Scope& scope, const std::string& reference) override;
};

}  // namespace paynext::plugins::coupons
