#include "grant_store.h"

#include <Poco/Tuple.h>

#include "list_query.h"

namespace paynext::plugins::qualifications {

using namespace Poco::Data::Keywords;

namespace {

using Row = Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64,
                        std::string, Poco::Int64>;

const std::string kSelect =
    "SELECT id, user_id, type, amount, days, permanent, expires_at, reference, created_at FROM qualifications_grants";

std::vector<Grant> grantsOf(const std::vector<Row>& rows) {
  std::vector<Grant> out;
  for (const auto& r : rows) {
    out.push_back({r.get<0>(), r.get<1>(), static_cast<int>(r.get<2>()), r.get<3>(), r.get<4>(), r.get<5>() != 0,
                   r.get<6>(), r.get<7>(), r.get<8>()});
  }
  return out;
}

}  // namespace

GrantStore::GrantStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
    : session_(session), factoryId_(factoryId), clock_(clock) {}

Grant GrantStore::add(Grant g) {
  g.createdAt = clock_.nowMs();
  Poco::Int64 type = g.type, permanent = g.permanent ? 1 : 0;
  session_ << "INSERT INTO qualifications_grants (factory_id, user_id, type, amount, days, permanent, expires_at, "
              "reference, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
      use(factoryId_), use(g.userId), use(type), use(g.amount), use(g.days), use(permanent), use(g.expiresAt),
      use(g.reference), use(g.createdAt), into(g.id), now;
  return g;
}

std::optional<Grant> GrantStore::find(const std::string& reference) {
  std::vector<Row> rows;
  std::string ref = reference;
  session_ << kSelect + " WHERE factory_id = $1 AND reference = $2", use(factoryId_), use(ref), into(rows), now;
  if (rows.empty()) return std::nullopt;
  return grantsOf(rows).front();
}

std::vector<Grant> GrantStore::list(int type, std::int64_t userId, int offset, int limit) {
  ListQuery query(session_, kSelect, factoryId_);
  if (type) query.where("type = ?", type);
  if (userId) query.where("user_id = ?", userId);
  return grantsOf(query.rows<Row>("id DESC", offset, limit));
}

}  // namespace paynext::plugins::qualifications
