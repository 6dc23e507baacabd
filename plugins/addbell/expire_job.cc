#include "expire_job.h"

#include "add_bell_store.h"

namespace paynext::plugins::addbell {

namespace {

void expireRecords(sdk::JobContext& ctx) {
  sdk::Scope& scope = ctx.scope;
  AddBellStore(scope.session, scope.factoryId, scope.clock).expireFinished();
}

}  // namespace

sdk::Job expireJob() { return sdk::Job{"expire", 60000, expireRecords}; }

}  // namespace paynext::plugins::addbell
