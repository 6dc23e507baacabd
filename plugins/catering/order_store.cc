#include "order_store.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

namespace paynext::plugins::catering {

using namespace Poco::Data::Keywords;

namespace {

using Row = Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, std::string, std::string, Poco::Int64, Poco::Int64,
                        std::string, Poco::Int64, Poco::Int64, std::string>;
using LineRow = Poco::Tuple<Poco::Int64, std::string, Poco::Int64, int>;

const std::string kColumns =
    "SELECT id, user_id, table_id, table_name, status, discount, paid, coupon_ids, created_at, paid_at, "
    "paid_reference FROM catering_orders ";

std::vector<Order> fromRows(const std::vector<Row>& rows) {
  std::vector<Order> out;
  for (const auto& r : rows) {
    Order o;
    o.id = r.get<0>();
    o.userId = r.get<1>();
    o.tableId = r.get<2>();
    o.tableName = r.get<3>();
    o.status = r.get<4>();
    o.discount = r.get<5>();
    o.paid = r.get<6>();
    o.couponIds = r.get<7>();
    o.createdAt = r.get<8>();
    o.paidAt = r.get<9>();
    o.paidReference = r.get<10>();
    out.push_back(std::move(o));
  }
  return out;
}

std::optional<Order> first(std::vector<Order> orders) {
  if (orders.empty()) return std::nullopt;
  return std::move(orders.front());
}

}  // namespace

OrderStore::OrderStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
    : session_(session), factoryId_(factoryId), clock_(clock) {}

std::vector<Order> OrderStore::withLines(std::vector<Order> orders) {
  for (auto& order : orders) {
    std::vector<LineRow> rows;
    session_ << "SELECT dish_id, name, price, quantity FROM catering_order_lines WHERE order_id = $1 AND "
                "factory_id = $2 ORDER BY id",
        use(order.id), use(factoryId_), into(rows), now;
    for (const auto& r : rows) order.lines.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>()});
  }
  return orders;
}

Order OrderStore::open(std::int64_t userId, const DiningTable& table) {
  Order o;
  o.userId = userId;
  o.tableId = table.id;
  o.tableName = table.name;
  o.status = kOpen;
  o.createdAt = clock_.nowMs();
  session_ << "INSERT INTO catering_orders (factory_id, user_id, table_id, table_name, status, created_at) "
              "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      use(factoryId_), use(o.userId), use(o.tableId), use(o.tableName), use(o.status), use(o.createdAt), into(o.id),
      now;
  return o;
}

std::optional<Order> OrderStore::find(std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2", use(id), use(factoryId_), into(rows), now;
  return first(withLines(fromRows(rows)));
}

std::optional<Order> OrderStore::findForUser(std::int64_t userId, std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2 AND user_id = $3", use(id), use(factoryId_), use(userId),
      into(rows), now;
  return first(withLines(fromRows(rows)));
}

std::optional<Order> OrderStore::findOpenAt(std::int64_t userId, std::int64_t tableId) {
  std::vector<Row> rows;
  std::string open = kOpen;
  session_ << kColumns + "WHERE factory_id = $1 AND user_id = $2 AND table_id = $3 AND status = $4 ORDER BY id",
      use(factoryId_), use(userId), use(tableId), use(open), into(rows), now;
  return first(withLines(fromRows(rows)));
}

std::vector<Order> OrderStore::list(std::int64_t userId, const std::string& status, int offset, int limit) {
  std::vector<Row> rows;
  std::string s = status;
  // 0 and "" match everything, so one statement serves admins and users; the casts
  // tell PostgreSQL the parameters' types.
  session_ << kColumns +
                  "WHERE factory_id = $1 AND (CAST($2 AS BIGINT) = 0 OR user_id = $2) "
                  "AND (CAST($3 AS TEXT) = '' OR status = $3) ORDER BY id DESC LIMIT $4 OFFSET $5",
      use(factoryId_), use(userId), use(s), use(limit), use(offset), into(rows), now;
  return withLines(fromRows(rows));
}

int OrderStore::addDish(std::int64_t orderId, const Dish& dish, int quantity) {
  std::vector<int> existing;
  std::int64_t dishId = dish.id;
  session_ << "SELECT quantity FROM catering_order_lines WHERE order_id = $1 AND dish_id = $2 AND factory_id = $3",
      use(orderId), use(dishId), use(factoryId_), into(existing), now;
  if (existing.empty()) {
    std::string name = dish.name;
    sdk::Fen price = dish.price;
    session_ << "INSERT INTO catering_order_lines (factory_id, order_id, dish_id, name, price, quantity) "
                "VALUES ($1, $2, $3, $4, $5, $6)",
        use(factoryId_), use(orderId), use(dishId), use(name), use(price), use(quantity), now;
    return quantity;
  }
  int total = existing.front() + quantity;
  session_ << "UPDATE catering_order_lines SET quantity = $1 WHERE order_id = $2 AND dish_id = $3 AND factory_id = $4",
      use(total), use(orderId), use(dishId), use(factoryId_), now;
  return total;
}

bool OrderStore::markPaid(const Order& paid) {
  std::string paidStatus = kPaid, open = kOpen, coupons = paid.couponIds, ref = paid.paidReference;
  sdk::Fen total = paid.total(), discount = paid.discount, amount = paid.paid;
  std::int64_t paidAt = clock_.nowMs(), id = paid.id, userId = paid.userId;
  Poco::Data::Statement update(session_);
  update << "UPDATE catering_orders SET status = $1, total = $2, discount = $3, paid = $4, coupon_ids = $5, "
            "paid_at = $6, paid_reference = $7 WHERE id = $8 AND factory_id = $9 AND user_id = $10 AND status = $11",
      use(paidStatus), use(total), use(discount), use(amount), use(coupons), use(paidAt), use(ref), use(id),
      use(factoryId_), use(userId), use(open);
  return update.execute() == 1;
}

}  // namespace paynext::plugins::catering
