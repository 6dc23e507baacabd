#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

#include "box.h"

namespace paynext::plugins::blindbox {

// blindbox_boxes of one factory.
class BoxStore {
 public:
  BoxStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
      : session_(session), factoryId_(factoryId), clock_(clock) {}

  // A PENDING box stamped with the clock's now.
  Box create(Box box);
  std::optional<Box> find(std::int64_t id);
  // Newest first; userId 0 for every user, status empty for every status.
  std::vector<Box> list(std::int64_t userId, const std::string& status, int offset, int limit);
  // PENDING -> PUBLISHED; false when it was not pending any more.
  bool markPublished(std::int64_t id, sdk::Fen amount, const std::string& reference);
  // PENDING boxes created at or before `before` -> EXPIRED; answers how many.
  std::size_t expire(std::int64_t before);

  // Published boxes `userId` may still draw: not theirs, not drawn by them.
  std::int64_t countDrawable(std::int64_t userId);
  // The one at `offset` (0-based) in id order of those, if still there.
  std::optional<Box> drawableAt(std::int64_t userId, std::int64_t offset);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::blindbox
