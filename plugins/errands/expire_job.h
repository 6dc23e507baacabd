#pragma once
#include "paynext/sdk/job.h"

namespace paynext::plugins::errands {

// The job "expire" (every 60 s): unpaid tasks older than the unpaid expiry
// become EXPIRED; published tasks nobody took by their deadline become
// CANCELLED with the fee credited back to the poster. Each exactly once.
sdk::Job expireJob();

// One run for the factory in ctx; what the job calls.
void expireTasks(sdk::JobContext& ctx);

}  // namespace paynext::plugins::errands
