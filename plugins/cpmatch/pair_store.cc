#include "pair_store.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

namespace paynext::plugins::cpmatch {

using namespace Poco::Data::Keywords;

Pair PairStore::create(std::int64_t activityId, std::int64_t firstUserId, std::int64_t secondUserId) {
  Pair p{0, activityId, firstUserId, secondUserId, clock_.nowMs()};
  session_ << "INSERT INTO cpmatch_pairs (factory_id, activity_id, first_user_id, second_user_id, created_at) "
              "VALUES ($1, $2, $3, $4, $5) RETURNING id",
      use(factoryId_), use(p.activityId), use(p.firstUserId), use(p.secondUserId), use(p.createdAt), into(p.id), now;
  return p;
}

std::vector<Pair> PairStore::list(std::int64_t activityId, int offset, int limit) {
  std::vector<Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64>> rows;
  session_ << "SELECT id, activity_id, first_user_id, second_user_id, created_at FROM cpmatch_pairs "
              "WHERE factory_id = $1 AND (CAST($2 AS BIGINT) = 0 OR activity_id = $2) ORDER BY id LIMIT $3 OFFSET $4",
      use(factoryId_), use(activityId), use(limit), use(offset), into(rows), now;
  std::vector<Pair> out;
  for (const auto& r : rows) out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>()});
  return out;
}

}  // namespace paynext::plugins::cpmatch
