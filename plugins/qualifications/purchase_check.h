#pragma once
#include <cstdint>
#include <optional>

#include "holder_store.h"
#include "offer_store.h"
#include "qualification.h"

namespace paynext::plugins::qualifications {

// The offer a user may buy a qualification at now: priced, on sale, and
// not already held for good. Throws sdk::Error with the refusal the caller
// sees; validate and execute share it, so a payment is refused at creation
// for exactly what would fail its step later.
Offer payableOffer(OfferStore& offers, HolderStore& holders, const Kind& kind, std::int64_t userId);

// The refusal for a user who holds the qualification permanently.
std::string alreadyPermanent(const Kind& kind);

}  // namespace paynext::plugins::qualifications
