#include "expire_job.h"

#include "paynext/sdk/errors.h"

#include "settings_store.h"
#include "settlement.h"
#include "task_store.h"

namespace paynext::plugins::errands {

void expireTasks(sdk::JobContext& ctx) {
  sdk::Scope& scope = ctx.scope;
  const std::int64_t now = scope.clock.nowMs();
  const Settings settings = SettingsStore(scope.session, scope.factoryId, scope.clock).get();
  TaskStore tasks(scope.session, scope.factoryId, scope.clock);
  for (const auto& task : tasks.unpaidCreatedBy(now - settings.unpaidExpiryMs())) {
    tasks.close(task.id, kUnpaid, kExpired);
  }
  for (const auto& task : tasks.publishedDeadlineBy(now)) {
    try {
      refundPoster(scope, tasks, task);
    } catch (const sdk::Error& e) {
      // The poster is gone: nobody to refund; the others still are.
      scope.logger.warning("errands: task " + std::to_string(task.id) + " not refunded: " + e.what());
    }
  }
}

sdk::Job expireJob() { return sdk::Job{"expire", 60000, expireTasks}; }

}  // namespace paynext::plugins::errands
