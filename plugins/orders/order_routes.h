#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::orders {

// The mobile routes of the mall orders, for logged-in users but the last:
//   POST /order/create  goodsJsonStr ([{"goodsId":1,"number":2}]) -> the new order, priced
//                       from the goods (an `amount` alone is refused)
//        /order/detail  id                               -> the order with its goods, or 700 订单不存在
//   POST /order/pay     id (1234 or "77,88,99"; or orderId) -> pays from the wallet balance
//        /order/list    status?, page?, pageSize?        -> the user's orders, newest first
//   POST /order/payNow  see pay_now_route.h
//   POST /order/close   id (or orderId)                  -> the unpaid order, closed
//        /order/goods   page?, pageSize? (no token)      -> the goods on sale, oldest first
std::vector<sdk::Route> orderRoutes();

}  // namespace paynext::plugins::orders
