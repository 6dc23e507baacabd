#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::orders {

// The mobile routes of the mall orders, all for logged-in users:
//   POST /order/create  amount (yuan, > 0), title?       -> the new order
//        /order/detail  id                               -> the order, or 700 订单不存在
//   POST /order/pay     id (1234 or "77,88,99"; or orderId) -> pays from the wallet balance
//        /order/list    status?, page?, pageSize?        -> the user's orders, newest first
std::vector<sdk::Route> orderRoutes();

}  // namespace paynext::plugins::orders
