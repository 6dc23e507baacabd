#include "deposit_store.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

namespace paynext::plugins::deposit {

using namespace Poco::Data::Keywords;

namespace {

using Row = Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, std::string, std::string, std::string, std::string,
                        std::string, Poco::Int64, Poco::Int64, std::string, Poco::Int64>;

const std::string kColumns =
    "SELECT id, user_id, amount, ref_code, remark, ext_json, status, reference, created_at, forfeited_amount, "
    "forfeit_reason, settled_at FROM deposit_deposits ";

std::vector<Deposit> fromRows(const std::vector<Row>& rows) {
  std::vector<Deposit> out;
  for (const auto& r : rows) {
    out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>(), r.get<5>(), r.get<6>(), r.get<7>(),
                   r.get<8>(), r.get<9>(), r.get<10>(), r.get<11>()});
  }
  return out;
}

std::optional<Deposit> first(const std::vector<Row>& rows) {
  if (rows.empty()) return std::nullopt;
  return fromRows(rows).front();
}

}  // namespace

DepositStore::DepositStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
    : session_(session), factoryId_(factoryId), clock_(clock) {}

Deposit DepositStore::create(std::int64_t userId, const DepositRequest& request, const std::string& reference) {
  return createOnce(userId, request, reference).value();  // a fresh reference: never taken
}

std::optional<Deposit> DepositStore::createOnce(std::int64_t userId, const DepositRequest& request,
                                                const std::string& reference) {
  Deposit d{0, userId, request.amount, request.refCode, request.remark, request.extJson, kHeld, reference,
            clock_.nowMs()};
  Poco::Data::Statement insert(session_);
  insert << "INSERT INTO deposit_deposits (factory_id, user_id, amount, ref_code, remark, ext_json, status, "
            "reference, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
            "ON CONFLICT (factory_id, reference) DO NOTHING RETURNING id",
      use(factoryId_), use(d.userId), use(d.amount), use(d.refCode), use(d.remark), use(d.extJson), use(d.status),
      use(d.reference), use(d.createdAt), into(d.id);
  if (insert.execute() == 0) return std::nullopt;
  return d;
}

void DepositStore::remove(std::int64_t id) {
  session_ << "DELETE FROM deposit_deposits WHERE id = $1 AND factory_id = $2", use(id), use(factoryId_), now;
}

std::optional<Deposit> DepositStore::findByReference(const std::string& reference) {
  std::vector<Row> rows;
  std::string ref = reference;
  session_ << kColumns + "WHERE factory_id = $1 AND reference = $2", use(factoryId_), use(ref), into(rows), now;
  return first(rows);
}

std::optional<Deposit> DepositStore::findForUser(std::int64_t userId, std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2 AND user_id = $3", use(id), use(factoryId_), use(userId),
      into(rows), now;
  return first(rows);
}

std::vector<Deposit> DepositStore::listForUser(std::int64_t userId, int offset, int limit) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE factory_id = $1 AND user_id = $2 ORDER BY id DESC LIMIT $3 OFFSET $4",
      use(factoryId_), use(userId), use(limit), use(offset), into(rows), now;
  return fromRows(rows);
}

std::optional<Deposit> DepositStore::find(std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2", use(id), use(factoryId_), into(rows), now;
  return first(rows);
}

std::vector<Deposit> DepositStore::list(std::int64_t userId, const std::string& status, int offset, int limit) {
  std::vector<Row> rows;
  std::string state = status;
  session_ << kColumns +
                  "WHERE factory_id = $1 AND (CAST($2 AS BIGINT) = 0 OR user_id = $2) "
                  "AND (CAST($3 AS TEXT) = '' OR status = $3) ORDER BY id DESC LIMIT $4 OFFSET $5",
      use(factoryId_), use(userId), use(state), use(limit), use(offset), into(rows), now;
  return fromRows(rows);
}

bool DepositStore::settle(std::int64_t id, const std::string& status, sdk::Fen forfeitedAmount,
                          const std::string& forfeitReason) {
  std::string state = status;
  std::string reason = forfeitReason;
  std::string held = kHeld;
  std::int64_t at = clock_.nowMs();
  Poco::Data::Statement update(session_);
  update << "UPDATE deposit_deposits SET status = $1, forfeited_amount = $2, forfeit_reason = $3, settled_at = $4 "
            "WHERE id = $5 AND factory_id = $6 AND status = $7",
      use(state), use(forfeitedAmount), use(reason), use(at), use(id), use(factoryId_), use(held);
  return update.execute() == 1;
}

}  // namespace paynext::plugins::deposit
