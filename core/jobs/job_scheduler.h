#pragma once
#include <cstdint>
#include <string>
#include <thread>

#include "core/common/loop_pause.h"
#include "core/plugin_context/service_directory.h"
#include "core/plugin_host/module_registry.h"
#include "core/storage/database.h"

namespace paynext::core::jobs {

struct JobSchedulerOptions {
  int tickMs = 1000;              // how often due jobs are looked for
  std::int64_t leaseMs = 300000;  // a run that takes longer may be run again elsewhere
};

// Runs the modules' periodic jobs: once per period for every factory where
// the module is enabled, each run in its own transaction. A run is claimed by
// a lease row in job_runs (a conditional UPDATE), so instances sharing one
// database never run the same job of the same factory at once.
class JobScheduler {
 public:
  JobScheduler(storage::Database& db, const plugin_host::ModuleRegistry& registry,
               const plugin_context::ServiceDirectory& services, JobSchedulerOptions options);
  ~JobScheduler();

  void start();
  void stop();  // finishes the run in flight

  // Runs every job that is due now; returns how many ran (tests call it).
  int runDue();

 private:
  struct Due;
  bool claim(const Due& due, std::int64_t at);
  void run(const Due& due, std::int64_t at);
  // Records the error and frees the lease; the job is due again next period.
  void failed(const Due& due, std::int64_t next, const std::string& why);
  void loop();

  storage::Database& db_;
  const plugin_host::ModuleRegistry& registry_;
  const plugin_context::ServiceDirectory& services_;
  JobSchedulerOptions options_;
  std::string owner_;
  std::thread thread_;
  LoopPause pause_;
};

}  // namespace paynext::core::jobs
