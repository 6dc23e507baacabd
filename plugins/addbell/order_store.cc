#include "order_store.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

namespace paynext::plugins::addbell {

using namespace Poco::Data::Keywords;

namespace {

using Row = Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, std::string, std::string, Poco::Int64, Poco::Int64,
                        Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64>;

const std::string kColumns =
    "SELECT id, user_id, service_id, service_name, technician, price, start_at, base_minutes, added_minutes, "
    "end_at, closed_at, created_at FROM addbell_orders ";

std::vector<Order> fromRows(const std::vector<Row>& rows) {
  std::vector<Order> out;
  for (const auto& r : rows) {
    out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>(), r.get<5>(), r.get<6>(), r.get<7>(),
                   r.get<8>(), r.get<9>(), r.get<10>(), r.get<11>()});
  }
  return out;
}

std::optional<Order> first(const std::vector<Row>& rows) {
  if (rows.empty()) return std::nullopt;
  return fromRows(rows).front();
}

}  // namespace

OrderStore::OrderStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
    : session_(session), factoryId_(factoryId), clock_(clock) {}

Order OrderStore::create(Order o) {
  o.createdAt = clock_.nowMs();
  o.addedMinutes = 0;
  o.closedAt = 0;
  o.endAt = o.startAt + o.baseMinutes * kMinuteMs;
  session_ << "INSERT INTO addbell_orders (factory_id, user_id, service_id, service_name, technician, price, "
              "start_at, base_minutes, added_minutes, end_at, closed_at, created_at) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
      use(factoryId_), use(o.userId), use(o.serviceId), use(o.serviceName), use(o.technician), use(o.price),
      use(o.startAt), use(o.baseMinutes), use(o.addedMinutes), use(o.endAt), use(o.closedAt), use(o.createdAt),
      into(o.id), now;
  return o;
}

std::optional<Order> OrderStore::find(std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2", use(id), use(factoryId_), into(rows), now;
  return first(rows);
}

std::optional<Order> OrderStore::findForUser(std::int64_t userId, std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2 AND user_id = $3", use(id), use(factoryId_), use(userId),
      into(rows), now;
  return first(rows);
}

std::vector<Order> OrderStore::list(std::int64_t userId, int offset, int limit) {
  std::vector<Row> rows;
  // 0 matches every user, so one statement serves admins and users; the cast
  // tells PostgreSQL the parameter's type.
  session_ << kColumns +
                  "WHERE factory_id = $1 AND (CAST($2 AS BIGINT) = 0 OR user_id = $2) "
                  "ORDER BY id DESC LIMIT $3 OFFSET $4",
      use(factoryId_), use(userId), use(limit), use(offset), into(rows), now;
  return fromRows(rows);
}

bool OrderStore::extend(std::int64_t id, std::int64_t minutes) {
  std::int64_t ms = minutes * kMinuteMs;
  std::int64_t at = clock_.nowMs();
  Poco::Data::Statement update(session_);
  update << "UPDATE addbell_orders SET added_minutes = added_minutes + $1, end_at = end_at + $2 "
            "WHERE id = $3 AND factory_id = $4 AND closed_at = 0 AND start_at <= $5 AND end_at > $5",
      use(minutes), use(ms), use(id), use(factoryId_), use(at);
  return update.execute() == 1;
}

bool OrderStore::close(std::int64_t id) {
  std::int64_t at = clock_.nowMs();
  Poco::Data::Statement update(session_);
  update << "UPDATE addbell_orders SET closed_at = $1 WHERE id = $2 AND factory_id = $3 AND closed_at = 0", use(at),
      use(id), use(factoryId_);
  return update.execute() == 1;
}

}  // namespace paynext::plugins::addbell
