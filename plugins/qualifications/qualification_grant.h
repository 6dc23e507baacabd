#pragma once
#include <cstdint>

#include "holder_store.h"
#include "qualification.h"

namespace paynext::plugins::qualifications {

// Grants the offer's term to the user, in the caller's transaction: a
// permanent offer makes the holding permanent; a timed one extends a running
// holding from its expiry, or starts an expired or new one now. When another
// step changed the holding meanwhile it reads it again and grants on top of
// that. Throws sdk::Error when the user came to hold it permanently meanwhile
// (or the holding keeps changing under it).
Holding grantQualification(HolderStore& holders, const Kind& kind, const Offer& offer, std::int64_t userId,
                           std::int64_t nowMs);

}  // namespace paynext::plugins::qualifications
