#pragma once
#include "paynext/sdk/job.h"

namespace paynext::plugins::blindbox {

// The job "expire_boxes" (every 60 s): boxes left unpaid for the factory's
// expireMinutes become EXPIRED, so they can no longer be paid.
sdk::Job expireJob();

// One run for the factory in ctx; what the job calls.
void expireUnpaidBoxes(sdk::JobContext& ctx);

}  // namespace paynext::plugins::blindbox
