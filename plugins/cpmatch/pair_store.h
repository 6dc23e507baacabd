#pragma once
#include <cstdint>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/action_context.h"
#include "paynext/sdk/clock.h"

namespace paynext::plugins::cpmatch {

// One pair the job made: two users of one activity.
struct Pair {
  std::int64_t id = 0;
  std::int64_t activityId = 0;
  std::int64_t firstUserId = 0;  // the man where the activity is per gender
  std::int64_t secondUserId = 0;
  std::int64_t createdAt = 0;
};

// cpmatch_pairs of one factory.
class PairStore {
 public:
  PairStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
      : session_(session), factoryId_(factoryId), clock_(clock) {}
  explicit PairStore(const sdk::Scope& scope) : PairStore(scope.session, scope.factoryId, scope.clock) {}

  Pair create(std::int64_t activityId, std::int64_t firstUserId, std::int64_t secondUserId);
  // By id; an activity of 0 means any.
  std::vector<Pair> list(std::int64_t activityId, int offset, int limit);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::cpmatch
