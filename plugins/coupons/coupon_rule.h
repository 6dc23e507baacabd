#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

namespace paynext::plugins::coupons {

// 满减: `money` off an amount of at least `minAmount`.
inline const std::string kReduce = "reduce";
// 折扣: the payer pays `rate` percent (85 is 八五折) of an amount of at least `minAmount`.
inline const std::string kDiscount = "discount";

// What a coupon takes off, copied from its rule onto every coupon issued, so
// a rule changed later does not change coupons already held.
struct CouponTerms {
  std::string name;
  std::string kind;       // kReduce or kDiscount
  sdk::Fen money = 0;     // kReduce: fen off
  int rate = 0;           // kDiscount: percent paid, 1..99
  sdk::Fen minAmount = 0; // 0: any amount
};

// An admin's 优惠券规则: the terms, when coupons of it are valid, how many
// there are, and what claiming one takes.
struct CouponRule {
  std::int64_t id = 0;
  CouponTerms terms;
  std::int64_t dateStart = 0;  // epoch ms; 0: from the grant
  std::int64_t dateEnd = 0;    // epoch ms; 0 when validDays is used
  int validDays = 0;           // > 0: valid that many days after the grant
  std::int64_t stock = 0;      // coupons there are in all
  std::int64_t issued = 0;     // coupons granted so far
  std::int64_t perUser = 0;    // coupons one user may claim; 0: no limit
  std::string pwd;             // 口令; empty: none
  sdk::Fen price = 0;          // what a claim costs; 0: free
  bool enabled = true;
  std::int64_t createdAt = 0;

  std::int64_t left() const { return stock > issued ? stock - issued : 0; }
  // Coupons of a dated rule are of no use once it ends.
  bool endedAt(std::int64_t nowMs) const { return dateEnd != 0 && dateEnd <= nowMs; }
};

// For admins: every field, money in fen, the password too.
Poco::JSON::Object::Ptr toAdminJson(const CouponRule& rule);
// For the mobile API: money in yuan, whether a password is needed but never it.
Poco::JSON::Object::Ptr toPublicJson(const CouponRule& rule);
// The terms' fields into an answer (kind, money or rate, minAmount), in yuan or fen.
void putTerms(Poco::JSON::Object& json, const CouponTerms& terms, bool yuan);

}  // namespace paynext::plugins::coupons
