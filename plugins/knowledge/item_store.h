#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

#include "item.h"

namespace paynext::plugins::knowledge {

// knowledge_items of one factory.
class ItemStore {
 public:
  ItemStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock);

  // Stamped with the clock's now; answers the item with its id.
  Item create(Item item);
  // Replaces the fields of item.id; false when there is no such item here.
  bool update(Item& item);
  std::optional<Item> find(std::int64_t id);
  // Oldest first; onSaleOnly for the users' list.
  std::vector<Item> list(bool onSaleOnly, int offset, int limit);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::knowledge
