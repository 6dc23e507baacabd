#include "unlock_store.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

namespace paynext::plugins::episodes {

using namespace Poco::Data::Keywords;

namespace {

using Row = Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, std::string, Poco::Int64, std::string,
                        Poco::Int64>;

const std::string kColumns =
    "SELECT id, user_id, goods_id, number, name, amount, reference, created_at FROM episodes_unlocks ";

std::vector<Unlock> fromRows(const std::vector<Row>& rows) {
  std::vector<Unlock> out;
  for (const auto& r : rows) {
    out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>(), r.get<5>(), r.get<6>(), r.get<7>()});
  }
  return out;
}

std::optional<Unlock> first(const std::vector<Row>& rows) {
  if (rows.empty()) return std::nullopt;
  return fromRows(rows).front();
}

}  // namespace

UnlockStore::UnlockStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
    : session_(session), factoryId_(factoryId), clock_(clock) {}

bool UnlockStore::add(const Unlock& unlock) {
  Unlock u = unlock;
  u.createdAt = clock_.nowMs();
  Poco::Data::Statement insert(session_);
  insert << "INSERT INTO episodes_unlocks (factory_id, user_id, goods_id, number, name, amount, reference, "
            "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING",
      use(factoryId_), use(u.userId), use(u.goodsId), use(u.number), use(u.name), use(u.amount), use(u.reference),
      use(u.createdAt);
  return insert.execute() == 1;
}

std::optional<Unlock> UnlockStore::find(std::int64_t id) {
  std::vector<Row> rows;
  session_ << kColumns + "WHERE id = $1 AND factory_id = $2", use(id), use(factoryId_), into(rows), now;
  return first(rows);
}

std::optional<Unlock> UnlockStore::findByReference(const std::string& reference) {
  std::vector<Row> rows;
  std::string ref = reference;
  session_ << kColumns + "WHERE factory_id = $1 AND reference = $2", use(factoryId_), use(ref), into(rows), now;
  return first(rows);
}

bool UnlockStore::unlocked(std::int64_t userId, std::int64_t goodsId, std::int64_t number) {
  int n = 0;
  session_ << "SELECT COUNT(*) FROM episodes_unlocks WHERE factory_id = $1 AND user_id = $2 AND goods_id = $3 "
              "AND number = $4",
      use(factoryId_), use(userId), use(goodsId), use(number), into(n), now;
  return n > 0;
}

std::set<std::int64_t> UnlockStore::numbers(std::int64_t userId, std::int64_t goodsId) {
  std::vector<Poco::Int64> rows;
  session_ << "SELECT number FROM episodes_unlocks WHERE factory_id = $1 AND user_id = $2 AND goods_id = $3",
      use(factoryId_), use(userId), use(goodsId), into(rows), now;
  return std::set<std::int64_t>(rows.begin(), rows.end());
}

std::vector<Unlock> UnlockStore::list(std::int64_t userId, std::int64_t goodsId, int offset, int limit) {
  std::vector<Row> rows;
  // 0 matches everything, so one statement serves admins and users; the casts
  // tell PostgreSQL the parameters' types.
  session_ << kColumns +
                  "WHERE factory_id = $1 AND (CAST($2 AS BIGINT) = 0 OR user_id = $2) "
                  "AND (CAST($3 AS BIGINT) = 0 OR goods_id = $3) ORDER BY id DESC LIMIT $4 OFFSET $5",
      use(factoryId_), use(userId), use(goodsId), use(limit), use(offset), into(rows), now;
  return fromRows(rows);
}

}  // namespace paynext::plugins::episodes
