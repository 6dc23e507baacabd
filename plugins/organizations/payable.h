#pragma once
#include <cstdint>

#include "organization.h"
#include "organization_store.h"
#include "price_store.h"

namespace paynext::plugins::organizations {

// What validate and execute both check, so both refuse with the same words.

// The item priceId names, on sale in this factory. Throws sdk::Error otherwise.
PriceItem payableItem(PriceStore& prices, std::int64_t priceId);

// An upgrade of organizeId, owned by userId, to an item of a larger member cap
// than the organization has now. Throws sdk::Error saying what is wrong.
struct UpgradeTarget {
  Organization organization;
  PriceItem item;
};
UpgradeTarget upgradeTarget(OrganizationStore& orgs, PriceStore& prices, std::int64_t userId,
                            std::int64_t organizeId, std::int64_t priceId);

}  // namespace paynext::plugins::organizations
