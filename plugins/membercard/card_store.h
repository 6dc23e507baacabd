#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

#include "card.h"

namespace paynext::plugins::membercard {

// membercard_cards of one factory.
class CardStore {
 public:
  CardStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock);

  // Stamped with the clock's now; answers the card with its id.
  Card create(Card card);
  // Replaces the fields of card.id; false when there is no such card here.
  bool update(Card& card);
  std::optional<Card> find(std::int64_t id);
  // Oldest first; onSaleOnly for the users' list.
  std::vector<Card> list(bool onSaleOnly, int offset, int limit);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::membercard
