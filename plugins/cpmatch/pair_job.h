#pragma once
#include "paynext/sdk/job.h"

namespace paynext::plugins::cpmatch {

// The job "pair_ended" (every 60 s): each activity that has ended by the
// scope's clock and is not paired yet is paired now (see pairing.h), its
// pairs stored and every admitted sign-up told PAIRED (with its partner) or
// UNPAIRED, and the activity stamped pairedAt in the same transaction, so a
// later run finds nothing to do for it.
sdk::Job pairJob();

// One run for the factory in ctx; what the job calls.
void pairEndedActivities(sdk::JobContext& ctx);

}  // namespace paynext::plugins::cpmatch
