#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "paynext/sdk/action_context.h"

namespace paynext::sdk {

// Given to a job's run: the scope of one factory (userId 0), its session
// inside the job's transaction.
struct JobContext {
  Scope scope;
  std::int64_t lastRunAt;  // epoch ms of the previous run here; 0 the first time
};

// A periodic task of a module: auto-renewals, expiring pending records,
// closing finished activities. The host runs it once per period for every
// factory where the module is enabled, in its own transaction, and on one
// instance at a time when several share a database (a lease in the database).
// Throwing rolls the run back; it is logged and tried again next period.
struct Job {
  std::string name;               // unique within the module: [a-z0-9_]
  std::int64_t periodMs = 60000;  // at least 1000
  std::function<void(JobContext&)> run;
};

}  // namespace paynext::sdk
