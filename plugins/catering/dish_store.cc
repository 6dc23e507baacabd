#include "dish_store.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

namespace paynext::plugins::catering {

using namespace Poco::Data::Keywords;

namespace {

using Row = Poco::Tuple<Poco::Int64, std::string, Poco::Int64, int, Poco::Int64, Poco::Int64>;

const std::string kColumns = "SELECT id, name, price, on_sale, created_at, updated_at FROM catering_dishes ";

std::vector<Dish> fromRows(const std::vector<Row>& rows) {
  std::vector<Dish> out;
  for (const auto& r : rows) out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>() != 0, r.get<4>(), r.get<5>()});
  return out;
}

}  // namespace

DishStore::DishStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
    : session_(session), factoryId_(factoryId), clock_(clock) {}

Dish DishStore::create(Dish dish) {
  dish.createdAt = dish.updatedAt = clock_.nowMs();
  int onSale = dish.onSale ? 1 : 0;
  session_ << "INSERT INTO catering_dishes (factory_id, name, price, on_sale, created_at, updated_at) "
              "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      use(factoryId_), use(dish.name), use(dish.price), use(onSale), use(dish.createdAt), use(dish.updatedAt),
      into(dish.id), now;
  return dish;
}

bool DishStore::update(Dish& dish) {
  const auto existing = find(dish.id);
  if (!existing) return false;
  dish.createdAt = existing->createdAt;
  dish.updatedAt = clock_.nowMs();
  int onSale = dish.onSale ? 1 : 0;
  session_ << "UPDATE catering_dishes SET name = $1, price = $2, on_sale = $3, updated_at = $4 "
              "WHERE id = $5 AND factory_id = $6",
      use(dish.name), use(dish.price), use(onSale), use(dish.updatedAt), use(dish.id), use(factoryId_), now;
  return true;
}

std::optional<Dish> DishStore::find(std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2", use(id), use(factoryId_), into(rows), now;
  if (rows.empty()) return std::nullopt;
  return fromRows(rows).front();
}

std::vector<Dish> DishStore::list(bool onSaleOnly, int offset, int limit) {
  std::vector<Row> rows;
  // 0 lists every dish, 1 those on sale: one statement for admins and users.
  int onSaleFloor = onSaleOnly ? 1 : 0;
  session_ << kColumns + "WHERE factory_id = $1 AND on_sale >= $2 ORDER BY id LIMIT $3 OFFSET $4", use(factoryId_),
      use(onSaleFloor), use(limit), use(offset), into(rows), now;
  return fromRows(rows);
}

}  // namespace paynext::plugins::catering
