#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/services/coupons.h"

#include "issued_coupon.h"

namespace paynext::plugins::coupons {

// What an admin or a user lists coupons by; empty or 0 fields do not filter.
struct CouponFilter {
  std::int64_t userId = 0;
  std::int64_t ruleId = 0;
  std::string show;  // kShowUsable, kShowUsed, kShowExpired or empty
  int offset = 0;
  int limit = 50;
};

// coupons_issued and coupons_redemptions of one factory.
class CouponStore {
 public:
  CouponStore(Poco::Data::Session& session, std::int64_t factoryId);

  IssuedCoupon grant(IssuedCoupon coupon);
  std::optional<IssuedCoupon> findByGrant(const std::string& grantReference);
  std::optional<IssuedCoupon> find(std::int64_t id);
  std::int64_t countForUser(std::int64_t userId, std::int64_t ruleId);
  // Newest first; `show` is decided against nowMs.
  std::vector<IssuedCoupon> list(const CouponFilter& filter, std::int64_t nowMs);

  // Marks an unused coupon of the user used; false when it is not (any more).
  bool markUsed(std::int64_t id, std::int64_t userId, const std::string& reference, std::int64_t nowMs);
  // Every coupon used under the reference back to usable; how many.
  std::size_t unmarkUsed(const std::string& reference);

  // The quote a reference redeemed, kept to answer that reference again.
  std::optional<sdk::services::CouponQuote> findRedemption(const std::string& reference);
  void saveRedemption(std::int64_t userId, const std::string& reference, const sdk::services::CouponQuote& quote,
                      std::int64_t nowMs);
  bool deleteRedemption(const std::string& reference);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
};

}  // namespace paynext::plugins::coupons
