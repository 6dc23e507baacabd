#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::catering {

// The mobile routes, all for logged-in users (amounts in yuan):
//   /catering/menu        page?, pageSize? -> dishes on sale, oldest first (700 暂无数据 when none)
//   POST /catering/order/open  code (scanned from the table's QR) -> the user's open order at that
//                         table, a new one when there is none; its id is the orderId of {type:9, orderId}
//   POST /catering/order/add   orderId, dishId, quantity? (1..99, default 1) -> the order, the dish added
//   /catering/order       id -> the user's order with its lines
//   /catering/orders      status? (OPEN|PAID), page?, pageSize? -> the user's orders, newest first
//   /catering/quote       orderId, couponId? (as in type 9) -> total, discount and due of the bill
std::vector<sdk::Route> userRoutes();

}  // namespace paynext::plugins::catering
