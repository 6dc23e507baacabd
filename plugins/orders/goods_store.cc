#include "goods_store.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

namespace paynext::plugins::orders {

using namespace Poco::Data::Keywords;

namespace {

using Row = Poco::Tuple<Poco::Int64, std::string, Poco::Int64, Poco::Int64, int, Poco::Int64, Poco::Int64>;

const std::string kColumns = "SELECT id, name, price, stock, on_sale, created_at, updated_at FROM orders_goods ";

std::vector<Goods> fromRows(const std::vector<Row>& rows) {
  std::vector<Goods> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>() != 0, r.get<5>(), r.get<6>()});
  }
  return out;
}

}  // namespace

GoodsStore::GoodsStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
    : session_(session), factoryId_(factoryId), clock_(clock) {}

Goods GoodsStore::create(Goods goods) {
  goods.createdAt = goods.updatedAt = clock_.nowMs();
  int onSale = goods.onSale ? 1 : 0;
  session_ << "INSERT INTO orders_goods (factory_id, name, price, stock, on_sale, created_at, updated_at) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      use(factoryId_), use(goods.name), use(goods.price), use(goods.stock), use(onSale), use(goods.createdAt),
      use(goods.updatedAt), into(goods.id), now;
  return goods;
}

bool GoodsStore::update(Goods& goods) {
  const auto existing = find(goods.id);
  if (!existing) return false;
  goods.createdAt = existing->createdAt;
  goods.updatedAt = clock_.nowMs();
  int onSale = goods.onSale ? 1 : 0;
  session_ << "UPDATE orders_goods SET name = $1, price = $2, stock = $3, on_sale = $4, updated_at = $5 "
              "WHERE id = $6 AND factory_id = $7",
      use(goods.name), use(goods.price), use(goods.stock), use(onSale), use(goods.updatedAt), use(goods.id),
      use(factoryId_), now;
  return true;
}

std::optional<Goods> GoodsStore::find(std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2", use(id), use(factoryId_), into(rows), now;
  if (rows.empty()) return std::nullopt;
  return fromRows(rows).front();
}

std::vector<Goods> GoodsStore::list(bool onSaleOnly, int offset, int limit) {
  std::vector<Row> rows;
  int onSale = onSaleOnly ? 1 : 0;
  session_ << kColumns + "WHERE factory_id = $1 AND ($2 = 0 OR on_sale = 1) ORDER BY id LIMIT $3 OFFSET $4",
      use(factoryId_), use(onSale), use(limit), use(offset), into(rows), now;
  return fromRows(rows);
}

bool GoodsStore::take(std::int64_t id, std::int64_t number) {
  std::int64_t at = clock_.nowMs();
  Poco::Data::Statement update(session_);
  update << "UPDATE orders_goods SET stock = stock - $1, updated_at = $2 "
            "WHERE id = $3 AND factory_id = $4 AND on_sale = 1 AND stock >= $1",
      use(number), use(at), use(id), use(factoryId_);
  return update.execute() == 1;
}

bool GoodsStore::giveBack(std::int64_t id, std::int64_t number) {
  std::int64_t at = clock_.nowMs();
  Poco::Data::Statement update(session_);
  update << "UPDATE orders_goods SET stock = stock + $1, updated_at = $2 WHERE id = $3 AND factory_id = $4",
      use(number), use(at), use(id), use(factoryId_);
  return update.execute() == 1;
}

}  // namespace paynext::plugins::orders
