#include "core/jobs/job_scheduler.h"

#include <vector>

#include <Poco/Data/Statement.h>
#include <Poco/Logger.h>

#include "core/common/clock.h"
#include "core/crypto/digest.h"
#include "core/plugin_context/plugin_scope.h"

namespace paynext::core::jobs {

using namespace Poco::Data::Keywords;
using Poco::Data::Session;

namespace {

Poco::Logger& log() { return Poco::Logger::get("paynext.jobs"); }

struct Factory {
  std::int64_t id = 0;
  std::string name;
};

std::vector<Factory> factoriesWith(Session& s, const std::string& module) {
  std::vector<std::int64_t> ids;
  std::vector<std::string> names;
  std::string m = module;
  s << "SELECT f.id, f.name FROM factories f JOIN factory_modules fm ON fm.factory_id = f.id "
       "WHERE fm.module = $1 AND fm.enabled = 1 AND f.enabled = 1 ORDER BY f.id",
      use(m), into(ids), into(names), now;
  std::vector<Factory> out;
  for (std::size_t i = 0; i < ids.size(); ++i) out.push_back({ids[i], names[i]});
  return out;
}

}  // namespace

struct JobScheduler::Due {
  const plugin_host::LoadedModule* module;
  const sdk::Job* job;
  Factory factory;
  std::string key;
  std::int64_t lastRunAt = 0;
};

JobScheduler::JobScheduler(storage::Database& db, const plugin_host::ModuleRegistry& registry,
                           const plugin_context::ServiceDirectory& services, JobSchedulerOptions options)
    : db_(db), registry_(registry), services_(services), options_(options), owner_(crypto::randomHex(8)) {}

JobScheduler::~JobScheduler() { stop(); }

void JobScheduler::start() {
  bool any = false;
  for (const auto& m : registry_.modules()) any = any || !m->jobs.empty();
  if (any) thread_ = std::thread([this] { loop(); });
}

void JobScheduler::stop() {
  pause_.stop();
  if (thread_.joinable()) thread_.join();
}

void JobScheduler::loop() {
  while (!pause_.stopping()) {
    try {
      runDue();
    } catch (const std::exception& e) {
      log().error("job scheduler: %s", std::string(e.what()));
    }
    pause_.pause(std::chrono::milliseconds(options_.tickMs));
  }
}

int JobScheduler::runDue() {
  int ran = 0;
  for (const auto& module : registry_.modules()) {
    if (module->jobs.empty()) continue;
    Session s = db_.session();
    for (const auto& factory : factoriesWith(s, module->name)) {
      for (const auto& job : module->jobs) {
        if (pause_.stopping()) return ran;
        Due due{module.get(), &job, factory, module->name + "/" + job.name + "/" + std::to_string(factory.id)};
        const std::int64_t at = nowMs();
        if (!claim(due, at)) continue;
        run(due, at);
        ++ran;
      }
    }
  }
  return ran;
}

bool JobScheduler::claim(const Due& due, std::int64_t at) {
  {
    // Most ticks find nothing due: a plain read spares a write transaction.
    Session s = db_.session();
    std::string key = due.key;
    std::int64_t waiting = 0;
    s << "SELECT COUNT(*) FROM job_runs WHERE job_key = $1 AND (next_run_at > $2 OR lease_until > $2)", use(key),
        bind(at), into(waiting), now;
    if (waiting) return false;
  }
  return db_.transaction([&](Session& s) {
    std::string key = due.key, module = due.module->name, job = due.job->name;
    std::int64_t factoryId = due.factory.id;
    // A job new to this factory is due at once.
    s << "INSERT INTO job_runs (job_key, factory_id, module, job, next_run_at) VALUES ($1, $2, $3, $4, $5) "
         "ON CONFLICT (job_key) DO NOTHING",
        use(key), use(factoryId), use(module), use(job), use(at), now;
    // The conditional UPDATE is the lease: of two instances, one changes the row.
    std::int64_t lease = at + options_.leaseMs;
    Poco::Data::Statement update(s);
    update << "UPDATE job_runs SET lease_owner = $1, lease_until = $2 WHERE job_key = $3 AND next_run_at <= $4 "
              "AND lease_until <= $4",
        use(owner_), use(lease), use(key), use(at);
    return update.execute() == 1;
  });
}

void JobScheduler::run(const Due& due, std::int64_t at) {
  std::string key = due.key;
  std::int64_t next = at + due.job->periodMs;
  try {
    db_.transaction([&](Session& s) {
      std::int64_t lastRunAt = 0;
      s << "SELECT last_run_at FROM job_runs WHERE job_key = $1", use(key), into(lastRunAt), now;
      plugin_context::PluginScope scope(services_, s, due.factory.id, due.factory.name, 0, due.module->name,
                                        "job:" + due.module->name + "/" + due.job->name);
      sdk::JobContext ctx{scope.scope(), lastRunAt};
      due.job->run(ctx);
      // The run's effects and its bookkeeping commit together.
      s << "UPDATE job_runs SET next_run_at = $1, last_run_at = $2, lease_until = 0, lease_owner = '', "
           "runs = runs + 1, last_error = '' WHERE job_key = $3",
          use(next), use(at), use(key), now;
    });
  } catch (const std::exception& e) {
    failed(due, next, e.what());
  } catch (...) {
    failed(due, next, "non-standard exception");
  }
}

void JobScheduler::failed(const Due& due, std::int64_t next, const std::string& why) {
  log().error("job %s (factory %s) failed: %s", due.key, due.factory.name, why);
  std::string key = due.key, error = why;
  db_.transaction([&](Session& s) {
    s << "UPDATE job_runs SET next_run_at = $1, lease_until = 0, lease_owner = '', last_error = $2 "
         "WHERE job_key = $3",
        use(next), use(error), use(key), now;
  });
}

}  // namespace paynext::core::jobs
