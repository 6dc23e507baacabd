#pragma once
#include <cstdint>
#include <vector>

#include "paynext/sdk/action_context.h"
#include "paynext/sdk/money.h"

#include "order_store.h"

namespace paynext::plugins::catering {

// What an order's bill comes to with the coupons a user picked.
struct Bill {
  sdk::Fen total = 0;     // the dishes
  sdk::Fen discount = 0;  // the coupons'
  sdk::Fen due = 0;       // total - discount, never below zero
};

// The user's order if it can be paid now. Throws sdk::Error naming it
// otherwise (another user's order is answered as missing).
Order requirePayable(OrderStore& orders, std::int64_t userId, std::int64_t orderId);

// Prices the order with the coupons, changing nothing: each coupon must meet
// its threshold on what is left after the ones before it (the coupons
// service checks one coupon against the amount it is given, so they are
// quoted one at a time). Without coupons the coupons module is not needed;
// with them and without it, the service's own refusal is thrown.
Bill priceBill(sdk::Scope& scope, const Order& order, const std::vector<std::int64_t>& couponIds);

// Redeems the coupons under `reference` (idempotent by reference), after
// priceBill checked them. Throws the service's refusal when one was used meanwhile.
void redeemCoupons(sdk::Scope& scope, const Order& order, const std::vector<std::int64_t>& couponIds,
                   const std::string& reference);

}  // namespace paynext::plugins::catering
