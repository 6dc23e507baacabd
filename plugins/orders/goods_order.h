#pragma once
#include <cstdint>
#include <vector>

#include "goods_store.h"
#include "goods_wanted.h"
#include "order_store.h"

namespace paynext::plugins::orders {

// A user's order of goods, priced from the catalog now: each goods must be
// of this factory, on sale and have the stock asked for (refusals name the
// goods, see stock.h). Its lines keep each goods' name and price; the stock
// is taken only when the order is paid.
Order createGoodsOrder(OrderStore& orders, GoodsStore& goods, std::int64_t userId,
                       const std::vector<GoodsWanted>& wanted);

}  // namespace paynext::plugins::orders
