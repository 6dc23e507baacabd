#pragma once
#include <string>

#include "catalog_store.h"
#include "membership.h"

namespace paynext::plugins::membership {

// The price item userLevelPriceId names, if it can be bought now (with
// auto-renewal when asked). Throws sdk::ParamError / sdk::Error with the
// refusal a caller sees; validate and execute share it, so a payment is
// refused at creation for exactly what would fail its step later.
PriceItem payablePrice(CatalogStore& catalog, std::int64_t priceId, bool autoRenew);

}  // namespace paynext::plugins::membership
