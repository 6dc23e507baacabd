#pragma once
#include "paynext/sdk/job.h"

namespace paynext::plugins::errands {

// The job "auto_confirm" (every 60 s): a task delivered longer ago than the
// auto-confirm hours, without the poster's confirmation, is completed and its
// runner paid, as the poster's confirmation would.
sdk::Job autoConfirmJob();

// One run for the factory in ctx; what the job calls.
void confirmOverdueTasks(sdk::JobContext& ctx);

}  // namespace paynext::plugins::errands
