#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

#include "add_bell.h"

namespace paynext::plugins::addbell {

// addbell_records of one factory; user-facing reads are bound to the user.
class AddBellStore {
 public:
  AddBellStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock);

  // A PENDING record stamped with the clock's now.
  AddBell create(std::int64_t userId, std::int64_t orderId, std::int64_t units, std::int64_t minutes,
                 sdk::Fen amount);
  std::optional<AddBell> find(std::int64_t id);  // any user's: for admins
  std::optional<AddBell> findForUser(std::int64_t userId, std::int64_t id);
  // Newest first; 0 / "" for every user, order, status.
  std::vector<AddBell> list(std::int64_t userId, std::int64_t orderId, const std::string& status, int offset,
                            int limit);
  // PENDING -> PAID under `reference`. False when it was not pending any more,
  // so two payments racing for one record cannot both succeed.
  bool markPaid(std::int64_t userId, std::int64_t id, const std::string& reference);
  // PENDING records whose order finished by the clock's now -> EXPIRED; how many.
  int expireFinished();

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::addbell
