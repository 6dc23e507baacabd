#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

#include "shop.h"

namespace paynext::plugins::shopbill {

// shopbill_shops of one factory.
class ShopStore {
 public:
  ShopStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock);

  // Stamped with the clock's now; answers the shop with its id.
  Shop create(Shop shop);
  // Replaces the fields of shop.id; false when there is no such shop here.
  bool update(Shop& shop);
  std::optional<Shop> find(std::int64_t id);
  // Oldest first; enabledOnly for the users' list.
  std::vector<Shop> list(bool enabledOnly, int offset, int limit);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::shopbill
