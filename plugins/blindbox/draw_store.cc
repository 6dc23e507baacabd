#include "draw_store.h"

#include <Poco/Tuple.h>

namespace paynext::plugins::blindbox {

using namespace Poco::Data::Keywords;

Draw DrawStore::add(std::int64_t userId, std::int64_t boxId) {
  Draw d{0, userId, boxId, clock_.nowMs()};
  session_ << "INSERT INTO blindbox_draws (factory_id, user_id, box_id, created_at) VALUES ($1, $2, $3, $4) "
              "RETURNING id",
      use(factoryId_), use(d.userId), use(d.boxId), use(d.createdAt), into(d.id), now;
  return d;
}

std::vector<Draw> DrawStore::list(std::int64_t userId, int offset, int limit) {
  std::vector<Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64>> rows;
  session_ << "SELECT id, user_id, box_id, created_at FROM blindbox_draws "
              "WHERE factory_id = $1 AND (CAST($2 AS BIGINT) = 0 OR user_id = $2) "
              "ORDER BY id DESC LIMIT $3 OFFSET $4",
      use(factoryId_), use(userId), use(limit), use(offset), into(rows), now;
  std::vector<Draw> out;
  for (const auto& r : rows) out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>()});
  return out;
}

}  // namespace paynext::plugins::blindbox
