#include "order_store.h"

#include <Poco/Data/Statement.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/LocalDateTime.h>
#include <Poco/NumberFormatter.h>
#include <Poco/Timestamp.h>
#include <Poco/Tuple.h>

namespace paynext::plugins::orders {

using namespace Poco::Data::Keywords;

namespace {

using Row = Poco::Tuple<Poco::Int64, Poco::Int64, std::string, std::string, Poco::Int64, std::string, Poco::Int64,
                        Poco::Int64, std::string, Poco::Int64, int, int, std::string, Poco::Int64>;

constexpr const char* kColumns =
    "SELECT id, user_id, order_number, title, amount, status, created_at, paid_at, paid_reference, address_id, "
    "freight_mode, freight_key, cancel_reason, cancelled_at FROM orders_orders ";

Order fromRow(const Row& r) {
  return Order{r.get<0>(),  r.get<1>(),  r.get<2>(),  r.get<3>(),  r.get<4>(), r.get<5>(), r.get<6>(), r.get<7>(),
               r.get<8>(),  r.get<9>(),  r.get<10>(), r.get<11>(), r.get<12>(), r.get<13>(), {}};
}

std::vector<Order> fromRows(const std::vector<Row>& rows) {
  std::vector<Order> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(fromRow(r));
  return out;
}

// "OD" + the local date + the id padded to six digits: unique because the id is.
std::string orderNumber(std::int64_t id, std::int64_t createdAtMs) {
  const Poco::LocalDateTime at(Poco::Timestamp(createdAtMs * 1000));
  return "OD" + Poco::DateTimeFormatter::format(at, "%Y%m%d") + Poco::NumberFormatter::format0(id, 6);
}

}  // namespace

OrderStore::OrderStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
    : session_(session), factoryId_(factoryId), clock_(clock) {}

Order OrderStore::create(std::int64_t userId, const std::string& title, sdk::Fen amount,
                         const std::vector<OrderLine>& lines) {
  Order order;
  order.userId = userId;
  order.title = title;
  order.amount = amount;
  order.status = kUnpaid;
  order.createdAt = clock_.nowMs();
  // The number embeds the id, which exists only after the insert.
  session_ << "INSERT INTO orders_orders (factory_id, user_id, order_number, title, amount, status, created_at) "
              "VALUES ($1, $2, '', $3, $4, $5, $6) RETURNING id",
      use(factoryId_), use(order.userId), use(order.title), use(order.amount), use(order.status),
      use(order.createdAt), into(order.id), now;
  order.orderNumber = orderNumber(order.id, order.createdAt);
  session_ << "UPDATE orders_orders SET order_number = $1 WHERE id = $2 AND factory_id = $3", use(order.orderNumber),
      use(order.id), use(factoryId_), now;
  for (auto line : lines) {
    session_ << "INSERT INTO orders_lines (factory_id, order_id, goods_id, name, price, number, amount) "
                "VALUES ($1, $2, $3, $4, $5, $6, $7)",
        use(factoryId_), use(order.id), use(line.goodsId), use(line.name), use(line.price), use(line.number),
        use(line.amount), now;
  }
  order.lines = lines;
  return order;
}

std::optional<Order> OrderStore::findForUser(std::int64_t userId, std::int64_t id) {
  std::vector<Row> rows;
  session_ << std::string(kColumns) + "WHERE id = $1 AND factory_id = $2 AND user_id = $3", use(id),
      use(factoryId_), use(userId), into(rows), now;
  return withLines(fromRows(rows));
}

std::optional<Order> OrderStore::find(std::int64_t id) {
  std::vector<Row> rows;
  session_ << std::string(kColumns) + "WHERE id = $1 AND factory_id = $2", use(id), use(factoryId_), into(rows), now;
  return withLines(fromRows(rows));
}

std::optional<Order> OrderStore::withLines(std::vector<Order> found) {
  if (found.empty()) return std::nullopt;
  found.front().lines = linesOf(found.front().id);
  return std::move(found.front());
}

std::vector<OrderLine> OrderStore::linesOf(std::int64_t orderId) {
  std::vector<Poco::Tuple<Poco::Int64, std::string, Poco::Int64, Poco::Int64, Poco::Int64>> rows;
  session_ << "SELECT goods_id, name, price, number, amount FROM orders_lines WHERE order_id = $1 AND factory_id = $2 "
              "ORDER BY id",
      use(orderId), use(factoryId_), into(rows), now;
  std::vector<OrderLine> lines;
  for (const auto& r : rows) lines.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>()});
  return lines;
}

std::vector<Order> OrderStore::list(std::int64_t userId, const std::string& status, int offset, int limit) {
  // One statement for the four filter combinations: 0 and '' match everything.
  std::vector<Row> rows;
  std::string s = status;
  session_ << std::string(kColumns) +
                  "WHERE factory_id = $1 AND ($2 = 0 OR user_id = $2) AND ($3 = '' OR status = $3) "
                  "ORDER BY id DESC LIMIT $4 OFFSET $5",
      use(factoryId_), use(userId), use(s), use(limit), use(offset), into(rows), now;
  return fromRows(rows);
}

std::vector<Order> OrderStore::listForUser(std::int64_t userId, const std::string& status, int offset, int limit) {
  std::vector<Row> rows;
  std::string s = status;
  if (status.empty()) {
    session_ << std::string(kColumns) + "WHERE factory_id = $1 AND user_id = $2 ORDER BY id DESC LIMIT $3 OFFSET $4",
        use(factoryId_), use(userId), use(limit), use(offset), into(rows), now;
  } else {
    session_ << std::string(kColumns) +
                    "WHERE factory_id = $1 AND user_id = $2 AND status = $3 ORDER BY id DESC LIMIT $4 OFFSET $5",
        use(factoryId_), use(userId), use(s), use(limit), use(offset), into(rows), now;
  }
  return fromRows(rows);
}

bool OrderStore::markPaid(std::int64_t userId, std::int64_t id, const std::string& reference, std::int64_t paidAt) {
  std::string paid = kPaid, unpaid = kUnpaid, ref = reference;
  Poco::Data::Statement update(session_);
  update << "UPDATE orders_orders SET status = $1, paid_at = $2, paid_reference = $3 "
            "WHERE id = $4 AND factory_id = $5 AND user_id = $6 AND status = $7",
      use(paid), use(paidAt), use(ref), use(id), use(factoryId_), use(userId), use(unpaid);
  return update.execute() == 1;
}

bool OrderStore::close(std::int64_t userId, std::int64_t id) {
  std::string closed = kClosed, unpaid = kUnpaid;
  Poco::Data::Statement update(session_);
  update << "UPDATE orders_orders SET status = $1 WHERE id = $2 AND factory_id = $3 AND user_id = $4 AND status = $5",
      use(closed), use(id), use(factoryId_), use(userId), use(unpaid);
  return update.execute() == 1;
}

bool OrderStore::cancel(std::int64_t id, const std::string& reason, std::int64_t cancelledAt) {
  std::string cancelled = kCancelled, paid = kPaid, why = reason;
  Poco::Data::Statement update(session_);
  update << "UPDATE orders_orders SET status = $1, cancel_reason = $2, cancelled_at = $3 "
            "WHERE id = $4 AND factory_id = $5 AND status = $6",
      use(cancelled), use(why), use(cancelledAt), use(id), use(factoryId_), use(paid);
  return update.execute() == 1;
}

void OrderStore::setDelivery(std::int64_t userId, std::int64_t id, const Delivery& delivery) {
  session_ << "UPDATE orders_orders SET address_id = $1, freight_mode = $2, freight_key = $3 "
              "WHERE id = $4 AND factory_id = $5 AND user_id = $6",
      bind(delivery.addressId), bind(delivery.freightMode), bind(delivery.freightKey), use(id), use(factoryId_),
      use(userId), now;
}

}  // namespace paynext::plugins::orders
