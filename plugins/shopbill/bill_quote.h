#pragma once
#include "paynext/sdk/action_context.h"

#include "discount_rule.h"
#include "shop.h"
#include "shopbill_request.h"

namespace paynext::plugins::shopbill {

// A bill at a shop that can take it now, and what it comes to.
struct BillQuote {
  Shop shop;
  Quote quote;
};

// The one computation behind the quote route, validate and execute: the
// shop must exist in the caller's factory (700 门店 N 不存在) and be on
// (300 门店「name」已停用,暂不能买单); the bill is quoted under the shop's rule
// at the clock's now (no discount outside the rule's dates).
BillQuote quoteFor(sdk::Scope& scope, const ShopbillRequest& request);

}  // namespace paynext::plugins::shopbill
