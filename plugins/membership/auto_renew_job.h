#pragma once
#include "paynext/sdk/job.h"

namespace paynext::plugins::membership {

// The job "auto_renew" (every 60 s): each auto-renewing member whose level
// has expired is renewed from the wallet balance when it covers the price
// item, else the level lapses (auto-renewal off). Either way a renewal row
// says what happened and why.
sdk::Job autoRenewJob();

// One run for the factory in ctx; what the job calls.
void renewDueMembers(sdk::JobContext& ctx);

}  // namespace paynext::plugins::membership
