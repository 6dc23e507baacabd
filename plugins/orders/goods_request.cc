#include "goods_request.h"

#include "paynext/sdk/params.h"

namespace paynext::plugins::orders {

namespace p = sdk::params;

namespace {
constexpr std::size_t kMaxNameBytes = 100;
constexpr std::int64_t kMaxStock = 100000000;
// 1 亿元: an order's lines (50 x 999 of them) then stay far from overflow.
constexpr sdk::Fen kMaxPrice = 10000000000LL;
}  // namespace

Goods goodsFromParams(const Poco::JSON::Object& params, bool withId) {
  Goods goods;
  if (withId) goods.id = p::requirePositiveInt(params, "id");
  goods.name = p::requireText(params, "name", kMaxNameBytes);
  goods.price = p::requireMoney(params, "price");
  if (goods.price <= 0 || goods.price > kMaxPrice) throw p::invalid("price", "大于 0 且不超过 100000000 元的金额");
  goods.stock = p::requireInt(params, "stock");
  if (goods.stock < 0 || goods.stock > kMaxStock) throw p::invalid("stock", "0 到 100000000 之间的整数");
  goods.onSale = p::optionalBool(params, "onSale").value_or(true);
  return goods;
}

}  // namespace paynext::plugins::orders
