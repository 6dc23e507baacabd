#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

#include "membership.h"

namespace paynext::plugins::membership {

// membership_levels and membership_prices of one factory: what admins sell.
class CatalogStore {
 public:
  CatalogStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock);

  Level createLevel(Level level);  // stamped with the clock's now
  bool updateLevel(const Level& level);
  std::optional<Level> findLevel(std::int64_t id);
  std::vector<Level> levels();

  PriceItem createPrice(PriceItem item);
  bool updatePrice(const PriceItem& item);
  std::optional<PriceItem> findPrice(std::int64_t id);
  std::vector<PriceItem> prices(std::optional<std::int64_t> levelId);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::membership
