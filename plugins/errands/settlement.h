#pragma once
#include "paynext/sdk/action_context.h"

#include "settings.h"
#include "task.h"
#include "task_store.h"

namespace paynext::plugins::errands {

// A delivered task is completed: its runner's wallet is credited with the fee
// less the platform's commission, once (the status change is conditional).
// Throws sdk::Error when the runner is gone or the task is no longer delivered.
Task payRunner(sdk::Scope& scope, TaskStore& tasks, const Settings& settings, const Task& task);

// A published task nobody took is cancelled and its fee credited back to the
// poster's wallet, once. Throws sdk::Error when the poster is gone.
void refundPoster(sdk::Scope& scope, TaskStore& tasks, const Task& task);

}  // namespace paynext::plugins::errands
