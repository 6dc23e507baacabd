#include "auto_confirm_job.h"

#include "paynext/sdk/errors.h"

#include "settings_store.h"
#include "settlement.h"
#include "task_store.h"

namespace paynext::plugins::errands {

void confirmOverdueTasks(sdk::JobContext& ctx) {
  sdk::Scope& scope = ctx.scope;
  const Settings settings = SettingsStore(scope.session, scope.factoryId, scope.clock).get();
  TaskStore tasks(scope.session, scope.factoryId, scope.clock);
  for (const auto& task : tasks.deliveredBy(scope.clock.nowMs() - settings.autoConfirmMs())) {
    try {
      payRunner(scope, tasks, settings, task);
    } catch (const sdk::Error& e) {
      // The runner is gone: nobody to pay; the others still are.
      scope.logger.warning("errands: task " + std::to_string(task.id) + " not confirmed: " + e.what());
    }
  }
}

sdk::Job autoConfirmJob() { return sdk::Job{"auto_confirm", 60000, confirmOverdueTasks}; }

}  // namespace paynext::plugins::errands
