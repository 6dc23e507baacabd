#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::orders {

// The factory admins' routes, under /admin/api/factories/{f}/modules/orders:
//   GET  /goods   offset?, limit? -> the catalog, oldest first; id -> one goods      (商品管理)
//   POST /goods   name, price (yuan), stock, onSale? -> the new goods
//   PUT  /goods   id and the same fields -> the goods replaced
//   GET  /orders  userId?, status?, offset?, limit? -> orders, newest first; id -> one with its goods (商城订单)
//   POST /orders  userId, amount (yuan), title? -> an unpaid order with that amount: the
//                 tenant's own back end prices it, never a mobile client
//   POST /orders/cancel  orderId, reason (<= 200 bytes) -> the paid order, now CANCELLED:
//                 stock and money go back (order_cancel.h), so the platform can refund it
std::vector<sdk::Route> adminRoutes();

}  // namespace paynext::plugins::orders
