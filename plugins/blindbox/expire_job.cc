#include "expire_job.h"

#include "box_store.h"
#include "settings_store.h"

namespace paynext::plugins::blindbox {

void expireUnpaidBoxes(sdk::JobContext& ctx) {
  sdk::Scope& scope = ctx.scope;
  const Settings settings = SettingsStore(scope.session, scope.factoryId).findOrDefault();
  BoxStore(scope.session, scope.factoryId, scope.clock).expire(settings.expiredAtOrBefore(scope.clock.nowMs()));
}

sdk::Job expireJob() { return sdk::Job{"expire_boxes", 60000, expireUnpaidBoxes}; }

}  // namespace paynext::plugins::blindbox
