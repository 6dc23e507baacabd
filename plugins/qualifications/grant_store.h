#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

#include "qualification.h"

namespace paynext::plugins::qualifications {

// qualifications_grants of one factory: every paid step, under its reference.
class GrantStore {
 public:
  GrantStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock);

  Grant add(Grant grant);  // stamped with the clock's now
  std::optional<Grant> find(const std::string& reference);
  // Newest first; type 0 / userId 0: any.
  std::vector<Grant> list(int type, std::int64_t userId, int offset, int limit);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::qualifications
