#pragma once
#include <cstdint>
#include <vector>

#include "goods.h"
#include "goods_store.h"
#include "order_line.h"

namespace paynext::plugins::orders {

// The goods `goodsId` when it can be sold `number` times now: it exists in
// this factory (else 700 商品 N 不存在), is on sale (300 商品「name」已下架)
// and has that many left (300 商品「name」库存不足,剩余 S 件).
Goods availableGoods(GoodsStore& goods, std::int64_t goodsId, std::int64_t number);

// Checks that the lines' goods can all be sold now, each goods counted once
// over all the lines; throws the refusal of availableGoods.
void checkStock(GoodsStore& goods, const std::vector<OrderLine>& lines);

// Takes the lines' numbers from their goods' stock: the one place an order's
// payment takes stock (the chain step and /order/pay both pay through
// OrderPayment::pay). Throws like checkStock, having taken nothing the
// caller's transaction keeps, when a goods is sold out or off sale.
void takeStock(GoodsStore& goods, const std::vector<OrderLine>& lines);

// Puts back what takeStock took for these lines, goods by goods, whether the
// goods is on sale now or not (an admin's cancel of a paid order). Throws
// sdk::Error 700 商品 N 不存在 when a goods is not in this factory.
void restoreStock(GoodsStore& goods, const std::vector<OrderLine>& lines);

}  // namespace paynext::plugins::orders
