#include "purchase_store.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

namespace paynext::plugins::knowledge {

using namespace Poco::Data::Keywords;

namespace {

using Row = Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, std::string, std::string, Poco::Int64, Poco::Int64,
                        Poco::Int64, std::string>;

const std::string kColumns =
    "SELECT id, user_id, item_id, title, status, amount, created_at, paid_at, paid_reference "
    "FROM knowledge_purchases ";

std::vector<Purchase> fromRows(const std::vector<Row>& rows) {
  std::vector<Purchase> out;
  for (const auto& r : rows) {
    out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>(), r.get<5>(), r.get<6>(), r.get<7>(),
                   r.get<8>()});
  }
  return out;
}

std::optional<Purchase> first(const std::vector<Row>& rows) {
  if (rows.empty()) return std::nullopt;
  return fromRows(rows).front();
}

}  // namespace

PurchaseStore::PurchaseStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
    : session_(session), factoryId_(factoryId), clock_(clock) {}

Purchase PurchaseStore::create(std::int64_t userId, std::int64_t itemId, const std::string& title) {
  Purchase p{0, userId, itemId, title, kPending, 0, clock_.nowMs(), 0, ""};
  session_ << "INSERT INTO knowledge_purchases (factory_id, user_id, item_id, title, status, created_at) "
              "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      use(factoryId_), use(p.userId), use(p.itemId), use(p.title), use(p.status), use(p.createdAt), into(p.id), now;
  return p;
}

std::optional<Purchase> PurchaseStore::find(std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2", use(id), use(factoryId_), into(rows), now;
  return first(rows);
}

std::optional<Purchase> PurchaseStore::findForUser(std::int64_t userId, std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2 AND user_id = $3", use(id), use(factoryId_), use(userId),
      into(rows), now;
  return first(rows);
}

std::optional<Purchase> PurchaseStore::findForUserItem(std::int64_t userId, std::int64_t itemId) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE factory_id = $1 AND user_id = $2 AND item_id = $3", use(factoryId_), use(userId),
      use(itemId), into(rows), now;
  return first(rows);
}

std::vector<Purchase> PurchaseStore::list(std::int64_t userId, const std::string& status, int offset, int limit) {
  std::vector<Row> rows;
  std::string s = status;
  // 0 and "" match everything, so one statement serves admins and users; the casts
  // tell PostgreSQL the parameters' types.
  session_ << kColumns +
                  "WHERE factory_id = $1 AND (CAST($2 AS BIGINT) = 0 OR user_id = $2) "
                  "AND (CAST($3 AS TEXT) = '' OR status = $3) "
                  "ORDER BY id DESC LIMIT $4 OFFSET $5",
      use(factoryId_), use(userId), use(s), use(limit), use(offset), into(rows), now;
  return fromRows(rows);
}

bool PurchaseStore::markPaid(std::int64_t userId, std::int64_t id, std::int64_t amount, const std::string& reference) {
  std::string paid = kPaid, pending = kPending, ref = reference;
  std::int64_t paidAt = clock_.nowMs();
  Poco::Data::Statement update(session_);
  update << "UPDATE knowledge_purchases SET status = $1, amount = $2, paid_at = $3, paid_reference = $4 "
            "WHERE id = $5 AND factory_id = $6 AND user_id = $7 AND status = $8",
      use(paid), use(amount), use(paidAt), use(ref), use(id), use(factoryId_), use(userId), use(pending);
  return update.execute() == 1;
}

}  // namespace paynext::plugins::knowledge
