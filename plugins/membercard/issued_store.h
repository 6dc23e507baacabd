#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

#include "issued_card.h"

namespace paynext::plugins::membercard {

// membercard_issued and membercard_purchases of one factory.
class IssuedStore {
 public:
  IssuedStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock);

  std::optional<IssuedCard> find(std::int64_t id);  // any user's: for admins
  std::optional<IssuedCard> findForUser(std::int64_t userId, std::int64_t cardId);
  // Newest first; userId / cardId 0 for all.
  std::vector<IssuedCard> list(std::int64_t userId, std::int64_t cardId, int offset, int limit);

  // A new card of cardId for the user, under a fresh random number, issued now.
  IssuedCard issue(std::int64_t userId, std::int64_t cardId, std::int64_t validUntil);
  void extend(std::int64_t id, std::int64_t validUntil);

  Purchase addPurchase(Purchase purchase);
  std::optional<Purchase> findPurchase(const std::string& reference);

 private:
  bool numberTaken(const std::string& number);

  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::membercard
