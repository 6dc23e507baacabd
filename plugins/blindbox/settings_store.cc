#include "settings_store.h"

#include <vector>

#include <Poco/Tuple.h>

namespace paynext::plugins::blindbox {

using namespace Poco::Data::Keywords;

Settings SettingsStore::findOrDefault() {
  std::vector<Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64>> rows;
  session_ << "SELECT box_price, pull_price, max_pull_times, expire_minutes FROM blindbox_settings "
              "WHERE factory_id = $1",
      use(factoryId_), into(rows), now;
  if (rows.empty()) return Settings{};
  const auto& r = rows.front();
  return Settings{r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>()};
}

void SettingsStore::save(const Settings& s) {
  Poco::Int64 boxPrice = s.boxPrice, pullPrice = s.pullPrice, maxPull = s.maxPullTimes, expire = s.expireMinutes;
  session_ << "DELETE FROM blindbox_settings WHERE factory_id = $1", use(factoryId_), now;
  session_ << "INSERT INTO blindbox_settings (factory_id, box_price, pull_price, max_pull_times, expire_minutes) "
              "VALUES ($1, $2, $3, $4, $5)",
      use(factoryId_), use(boxPrice), use(pullPrice), use(maxPull), use(expire), now;
}

}  // namespace paynext::plugins::blindbox
