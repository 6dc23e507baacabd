#pragma once
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "core/actions/chain_planner.h"
#include "core/common/loop_pause.h"
#include "core/plugin_context/service_directory.h"
#include "core/plugin_host/module_registry.h"
#include "core/storage/database.h"
#include "paynext/sdk/http_client.h"

namespace paynext::core::actions {

struct StepWorkerOptions {
  int threads = 1;
  int pollIntervalMs = 500;
  std::int64_t leaseMs = 30000;
  int maxAttempts = 8;
  std::int64_t backoffBaseMs = 1000;
  std::int64_t backoffCapMs = 5 * 60 * 1000;
  // Run a settled chain's first steps that make no outside call in the
  // settlement's own transaction (runInline) instead of leaving them all to
  // the worker threads.
  bool inlineSteps = true;
};

struct StepCount {
  int type = 0;
  std::string status;
  std::int64_t count = 0;
};

// Steps by type and status, for /metrics.
std::vector<StepCount> stepCounts(storage::Database& db);
// How long the oldest step that is due has been waiting (0 when none is).
std::int64_t workerLagMs(storage::Database& db);

// Writes a confirmed payment's chain steps, in the settlement transaction.
void insertChainSteps(Poco::Data::Session& session, std::int64_t factoryId, std::int64_t paymentId,
                      const std::string& outTradeId, const std::vector<PlannedStep>& steps);

// Runs chain steps in order, each once. A step is claimed with a lease (so a
// step whose worker died is picked up again when the lease expires). A step
// with an outside effect runs that first, outside any transaction; then the
// step runs in one transaction with its effects, wallet debit and new status.
// A step that did not finish has its transaction rolled back and its outcome
// recorded in another; one whose lease another claim took over meanwhile
// records nothing.
class StepWorker {
 public:
  StepWorker(storage::Database& db, const plugin_host::ModuleRegistry& registry,
             const plugin_context::ServiceDirectory& services, sdk::HttpClient& http, StepWorkerOptions options);
  ~StepWorker();

  void start();
  void stop();  // finishes the steps in flight
  void wake();  // new work was written

  // Claims and runs one runnable step; false when there was none.
  bool runOnce();

  // Runs the just-written chain of `paymentId` as far as it can inside the
  // caller's transaction (the settlement's): its first steps that make no
  // outside call, in order, each in a savepoint and recorded as the worker
  // records them, stopping at a step with an effect or one that did not
  // finish. The rest stays for the worker. A chain of such steps so commits
  // with its settlement: one transaction instead of two per step.
  void runInline(Poco::Data::Session& s, std::int64_t paymentId);

 private:
  struct Claim;
  struct Payer {
    std::int64_t userId = 0;
    std::string outTradeId;
    std::string factory;
  };
  bool claim(Claim& claim);
  void run(const Claim& claim);
  // Gives a claimed step back (RETRY after the back-off) when running it
  // failed for a reason of the host's, not the step's.
  void release(const Claim& claim, const std::string& why) noexcept;
  std::int64_t backoffMs(int attempts) const;
  Payer payerOf(Poco::Data::Session& s, std::int64_t paymentId, std::int64_t factoryId);
  // Inline: the step in a savepoint of the settlement's transaction.
  sdk::StepResult::Status executeAndRecord(Poco::Data::Session& s, const Claim& claim, const sdk::ActionType* type,
                                           const plugin_host::LoadedModule* module);
  void recordApart(const Claim& claim, const sdk::StepResult& outcome);
  void lostLease(const Claim& claim);
  template <typename Fn>
  sdk::StepResult guarded(const Claim& claim, const plugin_host::LoadedModule& module, Fn&& fn);
  sdk::StepResult effectPhase(const Claim& claim, const sdk::ActionType& type,
                              const plugin_host::LoadedModule& module);
  sdk::StepResult executePhase(Poco::Data::Session& s, const Claim& claim, const sdk::ActionType* type,
                               const plugin_host::LoadedModule* module, const Poco::JSON::Object::Ptr& effect);
  // The outcome as the step's new status; false, writing nothing, when the
  // claim no longer holds.
  bool record(Poco::Data::Session& s, const Claim& claim, const sdk::StepResult& outcome);
  void loop();

  storage::Database& db_;
  const plugin_host::ModuleRegistry& registry_;
  const plugin_context::ServiceDirectory& services_;
  sdk::HttpClient& http_;
  StepWorkerOptions options_;
  std::string owner_;
  std::vector<std::thread> threads_;
  LoopPause pause_;
};

}  // namespace paynext::core::actions
