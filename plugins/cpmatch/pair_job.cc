#include "pair_job.h"

#include <random>

#include "activity_store.h"
#include "pair_store.h"
#include "pairing.h"
#include "signup_store.h"

namespace paynext::plugins::cpmatch {

void pairEndedActivities(sdk::JobContext& ctx) {
  sdk::Scope& scope = ctx.scope;
  ActivityStore activities(scope);
  SignupStore signups(scope);
  PairStore pairs(scope);
  std::random_device seed;
  std::mt19937_64 random(seed());
  for (const auto& activity : activities.endedUnpaired()) {
    // Stamping first: a second run (or instance) finds it paired and leaves it alone.
    if (!activities.markPaired(activity.id)) continue;
    const Pairing pairing = pairUp(signups.admitted(activity.id), activity.perGender, random);
    for (const auto& [first, second] : pairing.pairs) {
      pairs.create(activity.id, first.userId, second.userId);
      signups.setPair(first.id, kPaired, second.userId);
      signups.setPair(second.id, kPaired, first.userId);
    }
    for (const auto& alone : pairing.unpaired) signups.setPair(alone.id, kUnpaired, 0);
  }
}

sdk::Job pairJob() { return sdk::Job{"pair_ended", 60000, pairEndedActivities}; }

}  // namespace paynext::plugins::cpmatch
