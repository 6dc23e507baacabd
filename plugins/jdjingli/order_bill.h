#pragma once
#include <cstdint>
#include <string>

#include "paynext/sdk/action_context.h"
#include "paynext/sdk/money.h"

#include "jd_order_store.h"

namespace paynext::plugins::jdjingli {

// How expiry is judged: validate, effect and the quote route need the order
// unexpired now; execute follows an effect that just checked that (and may
// have told JD "paid"), so it needs it still PENDING only: the expiry job
// leaves a grace period after the ttl for exactly that.
enum class Expiry { Checked, Ignored };

// The order under `token` if it can be paid now. Throws sdk::Error naming it
// otherwise; an unknown token (or another factory's) is answered as missing.
JdOrder requirePayable(JdOrderStore& orders, const std::string& token, std::int64_t nowMs,
                       Expiry expiry = Expiry::Checked);

// What an order comes to with the coupon a user picked (0: none).
struct JdBill {
  sdk::Fen discount = 0;
  sdk::Fen due = 0;  // amount - discount, never below zero
};

// Prices the order, changing nothing. With a coupon the coupons module must be
// enabled (its service's refusal otherwise) and the coupon the user's, usable
// on the order's amount.
JdBill priceBill(sdk::Scope& scope, const JdOrder& order, std::int64_t userId, std::int64_t couponId);

// Redeems the coupon under `reference` (idempotent by reference) after
// priceBill checked it; throws the service's refusal when it was used meanwhile.
void redeemCoupon(sdk::Scope& scope, const JdOrder& order, std::int64_t userId, std::int64_t couponId,
                  const std::string& reference);

}  // namespace paynext::plugins::jdjingli
