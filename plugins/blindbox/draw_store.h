#pragma once
#include <cstdint>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

#include "draw.h"

namespace paynext::plugins::blindbox {

// blindbox_draws of one factory.
class DrawStore {
 public:
  DrawStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
      : session_(session), factoryId_(factoryId), clock_(clock) {}

  Draw add(std::int64_t userId, std::int64_t boxId);
  // Newest first; userId 0 for every user.
  std::vector<Draw> list(std::int64_t userId, int offset, int limit);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::blindbox
