#pragma once
#include "paynext/sdk/money.h"

#include "coupon_rule.h"

namespace paynext::plugins::coupons {

// What one coupon takes off `amount`: 满减 its money, 折扣 the part not paid,
// rounded up (the payer's favour); never more than `amount`.
sdk::Fen discountOf(const CouponTerms& terms, sdk::Fen amount);

}  // namespace paynext::plugins::coupons
