#include "settings_store.h"

#include <vector>

#include <Poco/Tuple.h>

namespace paynext::plugins::imagetrade {

using namespace Poco::Data::Keywords;

Settings SettingsStore::findOrDefault() {
  std::vector<Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64>> rows;
  session_ << "SELECT min_price, max_price, commission_percent FROM imagetrade_settings WHERE factory_id = $1",
      use(factoryId_), into(rows), now;
  if (rows.empty()) return Settings{};
  const auto& r = rows.front();
  return Settings{r.get<0>(), r.get<1>(), static_cast<int>(r.get<2>())};
}

void SettingsStore::save(const Settings& settings) {
  Poco::Int64 minPrice = settings.minPrice, maxPrice = settings.maxPrice, percent = settings.commissionPercent;
  session_ << "DELETE FROM imagetrade_settings WHERE factory_id = $1", use(factoryId_), now;
  session_ << "INSERT INTO imagetrade_settings (factory_id, min_price, max_price, commission_percent) "
              "VALUES ($1, $2, $3, $4)",
      use(factoryId_), use(minPrice), use(maxPrice), use(percent), now;
}

}  // namespace paynext::plugins::imagetrade
