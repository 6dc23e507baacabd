#include "core/storage/migrator.h"

#include <algorithm>

#include "core/common/clock.h"

namespace paynext::core::storage {

using namespace Poco::Data::Keywords;

Migrator::Migrator(Database& db) : db_(db) {
  db_.transaction([](Poco::Data::Session& s) {
    s << "CREATE TABLE IF NOT EXISTS schema_migrations (component TEXT NOT NULL, version INTEGER NOT NULL, "
         "applied_at BIGINT NOT NULL, PRIMARY KEY (component, version))",
        now;
  });
}

int Migrator::currentVersion(const std::string& component) {
  Poco::Data::Session s = db_.session();
  Poco::Nullable<int> version;
  std::string c = component;
  s << "SELECT MAX(version) FROM schema_migrations WHERE component = $1", use(c), into(version), now;
  return version.isNull() ? 0 : version.value();
}

int Migrator::apply(const std::string& component, const std::vector<sdk::Migration>& migrations) {
  std::vector<sdk::Migration> sorted = migrations;
  std::sort(sorted.begin(), sorted.end(), [](auto& a, auto& b) { return a.version < b.version; });
  const int current = currentVersion(component);
  int applied = 0;
  for (const auto& m : sorted) {
    if (m.version <= current) continue;
    const std::string& sql = db_.dialect() == Dialect::Sqlite ? m.sqlite : m.postgresql;
    db_.transaction([&](Poco::Data::Session& s) {
      s << sql, now;
      std::string c = component;
      int v = m.version;
      std::int64_t at = nowMs();
      s << "INSERT INTO schema_migrations (component, version, applied_at) VALUES ($1, $2, $3)", use(c), use(v),
          use(at), now;
    });
    ++applied;
  }
  return applied;
}

}  // namespace paynext::core::storage
