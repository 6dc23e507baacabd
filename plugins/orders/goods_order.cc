#include "goods_order.h"

#include "stock.h"

namespace paynext::plugins::orders {

Order createGoodsOrder(OrderStore& orders, GoodsStore& goods, std::int64_t userId,
                       const std::vector<GoodsWanted>& wanted) {
  std::vector<OrderLine> lines;
  sdk::Fen amount = 0;
  for (const auto& w : wanted) {
    const Goods g = availableGoods(goods, w.goodsId, w.number);
    // Prices and numbers are bounded (goods_request, goods_wanted): no overflow.
    lines.push_back({g.id, g.name, g.price, w.number, g.price * w.number});
    amount += lines.back().amount;
  }
  const std::string title =
      lines.size() == 1 ? lines[0].name : lines[0].name + " 等 " + std::to_string(lines.size()) + " 种商品";
  return orders.create(userId, title, amount, lines);
}

}  // namespace paynext::plugins::orders
