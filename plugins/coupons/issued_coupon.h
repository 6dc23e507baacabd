#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

#include "coupon_rule.h"

namespace paynext::plugins::coupons {

// Stored states; "expired" is not stored but read off the clock.
inline const std::string kUsable = "USABLE";
inline const std::string kUsed = "USED";

// What users and admins filter on: usable, used, expired.
inline const std::string kShowUsable = "usable";
inline const std::string kShowUsed = "used";
inline const std::string kShowExpired = "expired";

// A coupon a user holds, with its own copy of the rule's terms.
struct IssuedCoupon {
  std::int64_t id = 0;
  std::int64_t ruleId = 0;
  std::int64_t userId = 0;
  CouponTerms terms;
  std::int64_t startsAt = 0;   // epoch ms; usable from then
  std::int64_t expiresAt = 0;  // epoch ms; usable until then
  std::string status;          // kUsable or kUsed
  std::string grantReference;  // the claim (a step's "coupons:<key>")
  std::string usedReference;   // the redemption using it; empty while unused
  std::int64_t usedAt = 0;
  std::int64_t createdAt = 0;

  // kShowUsable, kShowUsed or kShowExpired.
  std::string shownStatus(std::int64_t nowMs) const;
};

// For the mobile API (yuan) or admins (fen, with the references).
Poco::JSON::Object::Ptr toJson(const IssuedCoupon& coupon, std::int64_t nowMs);
Poco::JSON::Object::Ptr toAdminJson(const IssuedCoupon& coupon, std::int64_t nowMs);

}  // namespace paynext::plugins::coupons
