#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

#include "purchase.h"

namespace paynext::plugins::knowledge {

// knowledge_purchases of one factory; user-facing reads are bound to the user.
class PurchaseStore {
 public:
  PurchaseStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock);

  // A PENDING purchase stamped with the clock's now.
  Purchase create(std::int64_t userId, std::int64_t itemId, const std::string& title);
  std::optional<Purchase> find(std::int64_t id);  // any user's: for admins
  std::optional<Purchase> findForUser(std::int64_t userId, std::int64_t id);
  std::optional<Purchase> findForUserItem(std::int64_t userId, std::int64_t itemId);
  // Newest first; userId 0 for every user, status empty for every status.
  std::vector<Purchase> list(std::int64_t userId, const std::string& status, int offset, int limit);
  // PENDING -> PAID. False when it was not pending any more, so two payments
  // racing for one purchase cannot both succeed.
  bool markPaid(std::int64_t userId, std::int64_t id, std::int64_t amount, const std::string& reference);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::knowledge
