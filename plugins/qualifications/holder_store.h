#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

#include "qualification.h"

namespace paynext::plugins::qualifications {

// Which holdings a list shows: 0 / false leaves a filter out.
struct HolderFilter {
  int type = 0;
  std::int64_t userId = 0;
  bool activeOnly = false;
};

// qualifications_holders of one factory: who holds which qualification until when.
class HolderStore {
 public:
  HolderStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock);

  std::optional<Holding> find(std::int64_t userId, int type);

  // Writes `next` only if the user's row is still `current` (none, or the
  // same expiry and not permanent): false when another step changed it
  // meanwhile, so the caller reads again instead of overwriting a grant.
  bool replace(const std::optional<Holding>& current, const Holding& next);

  // Newest first, or by type for one user's.
  std::vector<Holding> list(const HolderFilter& filter, int offset, int limit);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::qualifications
