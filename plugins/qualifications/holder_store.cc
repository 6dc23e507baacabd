#include "holder_store.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

#include "list_query.h"

namespace paynext::plugins::qualifications {

using namespace Poco::Data::Keywords;

namespace {

using Row = Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64>;

const std::string kSelect =
    "SELECT id, user_id, type, permanent, expires_at, granted_at, updated_at FROM qualifications_holders";

std::vector<Holding> holdingsOf(const std::vector<Row>& rows) {
  std::vector<Holding> out;
  for (const auto& r : rows) {
    out.push_back({r.get<0>(), r.get<1>(), static_cast<int>(r.get<2>()), r.get<3>() != 0, r.get<4>(), r.get<5>(),
                   r.get<6>()});
  }
  return out;
}

}  // namespace

HolderStore::HolderStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
    : session_(session), factoryId_(factoryId), clock_(clock) {}

std::optional<Holding> HolderStore::find(std::int64_t userId, int type) {
  std::vector<Row> rows;
  Poco::Int64 user = userId, t = type;
  session_ << kSelect + " WHERE factory_id = $1 AND user_id = $2 AND type = $3", use(factoryId_), use(user), use(t),
      into(rows), now;
  if (rows.empty()) return std::nullopt;
  return holdingsOf(rows).front();
}

bool HolderStore::replace(const std::optional<Holding>& current, const Holding& next) {
  Poco::Int64 user = next.userId, type = next.type, permanent = next.permanent ? 1 : 0, expiresAt = next.expiresAt;
  Poco::Int64 at = clock_.nowMs();
  if (!current) {
    // The unique (factory, user, type) key makes a concurrent first grant insert nothing here.
    std::vector<Poco::Int64> inserted;
    session_ << "INSERT INTO qualifications_holders (factory_id, user_id, type, permanent, expires_at, granted_at, "
                "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) "
                "ON CONFLICT (factory_id, user_id, type) DO NOTHING RETURNING id",
        use(factoryId_), use(user), use(type), use(permanent), use(expiresAt), use(at), use(at), into(inserted), now;
    return !inserted.empty();
  }
  Poco::Int64 was = current->expiresAt;
  Poco::Data::Statement update(session_);
  update << "UPDATE qualifications_holders SET permanent = $1, expires_at = $2, updated_at = $3 "
            "WHERE factory_id = $4 AND user_id = $5 AND type = $6 AND permanent = 0 AND expires_at = $7",
      use(permanent), use(expiresAt), use(at), use(factoryId_), use(user), use(type), use(was);
  return update.execute() == 1;
}

std::vector<Holding> HolderStore::list(const HolderFilter& filter, int offset, int limit) {
  ListQuery query(session_, kSelect, factoryId_);
  if (filter.type) query.where("type = ?", filter.type);
  if (filter.userId) query.where("user_id = ?", filter.userId);
  if (filter.activeOnly) query.where("(permanent = 1 OR expires_at > ?)", clock_.nowMs());
  return holdingsOf(query.rows<Row>(filter.userId ? "type" : "id DESC", offset, limit));
}

}  // namespace paynext::plugins::qualifications
