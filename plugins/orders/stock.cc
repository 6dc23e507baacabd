#include "stock.h"

#include <map>

#include "paynext/sdk/errors.h"

namespace paynext::plugins::orders {

namespace {

// goods id -> number wanted over all the lines, in goods id order (the
// order stock rows are written in, whatever the lines' order).
std::map<std::int64_t, std::int64_t> wanted(const std::vector<OrderLine>& lines) {
  std::map<std::int64_t, std::int64_t> out;
  for (const auto& line : lines) out[line.goodsId] += line.number;
  return out;
}

}  // namespace

Goods availableGoods(GoodsStore& goods, std::int64_t goodsId, std::int64_t number) {
  auto found = goods.find(goodsId);
  if (!found) throw goodsNotFound(goodsId);
  if (!found->onSale) throw sdk::Error(sdk::codes::kBadRequest, "商品「" + found->name + "」已下架");
  if (found->stock < number) {
    throw sdk::Error(sdk::codes::kBadRequest,
                     "商品「" + found->name + "」库存不足,剩余 " + std::to_string(found->stock) + " 件");
  }
  return std::move(*found);
}

void checkStock(GoodsStore& goods, const std::vector<OrderLine>& lines) {
  for (const auto& [goodsId, number] : wanted(lines)) availableGoods(goods, goodsId, number);
}

void takeStock(GoodsStore& goods, const std::vector<OrderLine>& lines) {
  for (const auto& [goodsId, number] : wanted(lines)) {
    // The conditional update is the guard; the check before it only words the refusal.
    availableGoods(goods, goodsId, number);
    if (!goods.take(goodsId, number)) {
      availableGoods(goods, goodsId, number);  // words the refusal
      throw sdk::Error(sdk::codes::kBadRequest, "商品 " + std::to_string(goodsId) + " 库存不足");
    }
  }
}

void restoreStock(GoodsStore& goods, const std::vector<OrderLine>& lines) {
  for (const auto& [goodsId, number] : wanted(lines)) {
    if (!goods.giveBack(goodsId, number)) throw goodsNotFound(goodsId);
  }
}

}  // namespace paynext::plugins::orders
