#include "add_bell_store.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

namespace paynext::plugins::addbell {

using namespace Poco::Data::Keywords;

namespace {

using Row = Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, std::string,
                        Poco::Int64, Poco::Int64, std::string, Poco::Int64>;

const std::string kColumns =
    "SELECT id, order_id, user_id, units, minutes, amount, status, created_at, paid_at, paid_reference, expired_at "
    "FROM addbell_records ";

std::vector<AddBell> fromRows(const std::vector<Row>& rows) {
  std::vector<AddBell> out;
  for (const auto& r : rows) {
    out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>(), r.get<5>(), r.get<6>(), r.get<7>(),
                   r.get<8>(), r.get<9>(), r.get<10>()});
  }
  return out;
}

std::optional<AddBell> first(const std::vector<Row>& rows) {
  if (rows.empty()) return std::nullopt;
  return fromRows(rows).front();
}

}  // namespace

AddBellStore::AddBellStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
    : session_(session), factoryId_(factoryId), clock_(clock) {}

AddBell AddBellStore::create(std::int64_t userId, std::int64_t orderId, std::int64_t units, std::int64_t minutes,
                             sdk::Fen amount) {
  AddBell r{0, orderId, userId, units, minutes, amount, kPending, clock_.nowMs(), 0, "", 0};
  session_ << "INSERT INTO addbell_records (factory_id, order_id, user_id, units, minutes, amount, status, "
              "created_at, paid_at, paid_reference, expired_at) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
      use(factoryId_), use(r.orderId), use(r.userId), use(r.units), use(r.minutes), use(r.amount), use(r.status),
      use(r.createdAt), use(r.paidAt), use(r.paidReference), use(r.expiredAt), into(r.id), now;
  return r;
}

std::optional<AddBell> AddBellStore::find(std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2", use(id), use(factoryId_), into(rows), now;
  return first(rows);
}

std::optional<AddBell> AddBellStore::findForUser(std::int64_t userId, std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2 AND user_id = $3", use(id), use(factoryId_), use(userId),
      into(rows), now;
  return first(rows);
}

std::vector<AddBell> AddBellStore::list(std::int64_t userId, std::int64_t orderId, const std::string& status,
                                        int offset, int limit) {
  std::vector<Row> rows;
  std::string s = status;
  // 0 and "" match everything; the casts tell PostgreSQL the parameters' types.
  session_ << kColumns +
                  "WHERE factory_id = $1 AND (CAST($2 AS BIGINT) = 0 OR user_id = $2) "
                  "AND (CAST($3 AS BIGINT) = 0 OR order_id = $3) AND (CAST($4 AS TEXT) = '' OR status = $4) "
                  "ORDER BY id DESC LIMIT $5 OFFSET $6",
      use(factoryId_), use(userId), use(orderId), use(s), use(limit), use(offset), into(rows), now;
  return fromRows(rows);
}

bool AddBellStore::markPaid(std::int64_t userId, std::int64_t id, const std::string& reference) {
  std::string paid = kPaid, pending = kPending, ref = reference;
  std::int64_t paidAt = clock_.nowMs();
  Poco::Data::Statement update(session_);
  update << "UPDATE addbell_records SET status = $1, paid_at = $2, paid_reference = $3 "
            "WHERE id = $4 AND factory_id = $5 AND user_id = $6 AND status = $7",
      use(paid), use(paidAt), use(ref), use(id), use(factoryId_), use(userId), use(pending);
  return update.execute() == 1;
}

int AddBellStore::expireFinished() {
  std::string expired = kExpired, pending = kPending;
  std::int64_t at = clock_.nowMs();
  Poco::Data::Statement update(session_);
  update << "UPDATE addbell_records SET status = $1, expired_at = $2 WHERE factory_id = $3 AND status = $4 "
            "AND order_id IN (SELECT id FROM addbell_orders WHERE factory_id = $3 AND (closed_at > 0 OR end_at <= $2))",
      use(expired), use(at), use(factoryId_), use(pending);
  return static_cast<int>(update.execute());
}

}  // namespace paynext::plugins::addbell
