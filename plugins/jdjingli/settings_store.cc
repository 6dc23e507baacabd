#include "settings_store.h"

#include <vector>

#include <Poco/Tuple.h>

namespace paynext::plugins::jdjingli {

using namespace Poco::Data::Keywords;

SettingsStore::SettingsStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
    : session_(session), factoryId_(factoryId), clock_(clock) {}

JdSettings SettingsStore::get() {
  std::vector<Poco::Tuple<std::string, int, Poco::Int64>> rows;
  session_ << "SELECT secret, ttl_minutes, updated_at FROM jdjingli_settings WHERE factory_id = $1", use(factoryId_),
      into(rows), now;
  if (rows.empty()) return {};
  return {rows[0].get<0>(), rows[0].get<1>(), rows[0].get<2>()};
}

JdSettings SettingsStore::save(const JdSettings& settings) {
  JdSettings s = settings;
  s.updatedAt = clock_.nowMs();
  // Runs in the route's transaction: read-then-write is safe (see the SDK guide).
  int n = 0;
  session_ << "SELECT COUNT(*) FROM jdjingli_settings WHERE factory_id = $1", use(factoryId_), into(n), now;
  if (n == 0) {
    session_ << "INSERT INTO jdjingli_settings (factory_id, secret, ttl_minutes, updated_at) VALUES ($1, $2, $3, $4)",
        use(factoryId_), use(s.secret), use(s.ttlMinutes), use(s.updatedAt), now;
  } else {
    session_ << "UPDATE jdjingli_settings SET secret = $1, ttl_minutes = $2, updated_at = $3 WHERE factory_id = $4",
        use(s.secret), use(s.ttlMinutes), use(s.updatedAt), use(factoryId_), now;
  }
  return s;
}

}  // namespace paynext::plugins::jdjingli
