#pragma once
#include <Poco/JSON/Object.h>

#include "coupon_rule.h"

namespace paynext::plugins::coupons {

// An admin's rule as POST/PUT /rules send it (money in fen, like every admin route):
//   name, kind ("reduce" 满减 | "discount" 折扣), money (reduce: fen off, > 0),
//   rate (discount: percent paid, 1..99), minAmount? (fen, 0), stock (>= 0),
//   perUser? (1; 0 no limit), pwd? (口令), price? (fen, 0 free), enabled? (true),
//   and the validity: validDays (> 0, days after the grant) or dateEnd with an
//   optional dateStart ("yyyy-MM-dd" or "yyyy-MM-dd HH:mm:ss", UTC+8; a bare
//   dateEnd lasts to the end of its day).
// Throws sdk::ParamError naming the field. id and issued are left 0.
CouponRule parseRule(const Poco::JSON::Object& params);

}  // namespace paynext::plugins::coupons
