#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

#include "organization.h"

namespace paynext::plugins::organizations {

// organizations_prices of one factory: what admins sell.
class PriceStore {
 public:
  PriceStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock);

  PriceItem create(PriceItem item);  // stamped with the clock's now
  // Replaces the fields of item.id; false when there is no such item here.
  bool update(const PriceItem& item);
  std::optional<PriceItem> find(std::int64_t id);
  // By member cap, then id; onSaleOnly for the users' list.
  std::vector<PriceItem> list(bool onSaleOnly, int offset, int limit);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::organizations
