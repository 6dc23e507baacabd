#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::shopbill {

// The mobile routes, all for logged-in users (amounts in yuan):
//   /shopbill/shops   page?, pageSize? -> the shops taking bills, with their rules, oldest first (700 when none)
//   /shopbill/quote   shopId, money (before the discount) -> {shopId, shopName, money, tierDiscount,
//                     percentDiscount, discount, due, discountActive}: `due` is what {type:4} will need
//   /shopbill/bills   page?, pageSize? -> the caller's bills, newest first (700 when none)
std::vector<sdk::Route> userRoutes();

}  // namespace paynext::plugins::shopbill
