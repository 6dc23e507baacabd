#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/action_context.h"
#include "paynext/sdk/clock.h"

#include "activity.h"

namespace paynext::plugins::cpmatch {

// cpmatch_activities of one factory.
class ActivityStore {
 public:
  ActivityStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
      : session_(session), factoryId_(factoryId), clock_(clock) {}
  // In the scope's session, factory and clock.
  explicit ActivityStore(const sdk::Scope& scope) : ActivityStore(scope.session, scope.factoryId, scope.clock) {}

  Activity create(Activity activity);  // nobody admitted, stamped with the clock's now
  // Replaces what admins set (not the admitted counts); fills in the stored rest.
  void update(Activity& activity);
  std::optional<Activity> find(std::int64_t id);
  // By id; on sale only for the mobile list.
  std::vector<Activity> list(bool onSaleOnly, int offset, int limit);
  // Ended by the clock's now and not paired yet, oldest first.
  std::vector<Activity> endedUnpaired();
  // One more place taken by `gender`, only while the activity is on sale, has
  // not started by the clock's now and has a place left (for that gender when
  // per gender): of two steps racing for the last place only one changes the
  // row (which it then holds locked until its transaction ends).
  bool takePlace(std::int64_t id, int gender);
  // Stamps the pairing; false when it was paired already (the job ran before).
  bool markPaired(std::int64_t id);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::cpmatch
