#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

#include "unlock.h"

namespace paynext::plugins::episodes {

// episodes_unlocks of one factory; user-facing reads are bound to the user.
class UnlockStore {
 public:
  UnlockStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock);

  // Stores the unlock stamped with the clock's now. False, storing nothing,
  // when the user has that episode already (or the reference was used): the
  // unique keys decide, so two racing steps cannot both unlock it.
  bool add(const Unlock& unlock);
  std::optional<Unlock> find(std::int64_t id);  // any user's: for admins
  std::optional<Unlock> findByReference(const std::string& reference);
  bool unlocked(std::int64_t userId, std::int64_t goodsId, std::int64_t number);
  // The episode numbers of a goods the user unlocked.
  std::set<std::int64_t> numbers(std::int64_t userId, std::int64_t goodsId);
  // Newest first; userId 0 for every user, goodsId 0 for every goods.
  std::vector<Unlock> list(std::int64_t userId, std::int64_t goodsId, int offset, int limit);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::episodes
