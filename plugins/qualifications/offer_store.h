#pragma once
#include <cstdint>
#include <optional>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

#include "qualification.h"

namespace paynext::plugins::qualifications {

// qualifications_offers of one factory: each qualification's price and term.
class OfferStore {
 public:
  OfferStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock);

  // Creates or replaces the offer of offer.type; stamped with the clock's now.
  Offer save(Offer offer);
  std::optional<Offer> find(int type);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::qualifications
