#include "core/actions/step_worker.h"

#include <algorithm>
#include <sstream>

#include <Poco/Data/Statement.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/Logger.h>

#include "core/actions/config_refs.h"
#include "core/common/clock.h"
#include "core/common/exception_text.h"
#include "core/crypto/digest.h"
#include "core/plugin_context/plugin_scope.h"
#include "paynext/sdk/errors.h"

namespace paynext::core::actions {

using namespace Poco::Data::Keywords;
using Poco::Data::Session;

namespace {

Poco::Logger& log() { return Poco::Logger::get("paynext.worker"); }

std::string toJson(const Poco::JSON::Object::Ptr& object) {
  if (!object) return {};
  std::ostringstream out;
  Poco::JSON::Stringifier::condense(object, out);
  return out.str();
}

// Thrown inside a step's transaction to undo the step's effects: it did not
// finish, or (LeaseLost) another claim took it over meanwhile.
struct StepNotDone {
  sdk::StepResult result;
};
struct LeaseLost {};

}  // namespace

struct StepWorker::Claim {
  std::int64_t stepId = 0;
  std::int64_t paymentId = 0;
  std::int64_t factoryId = 0;
  int seq = 0;
  int type = 0;
  int attempts = 0;
  std::string module;
  std::string params;
  std::string idempotencyKey;
  Payer payer;
  bool leased = false;  // claimed by this worker, not run inline with its settlement
  std::string version;  // PostgreSQL: the claimed row version's ctid
};

void insertChainSteps(Session& s, std::int64_t factoryId, std::int64_t paymentId, const std::string& outTradeId,
                      const std::vector<PlannedStep>& steps) {
  const std::int64_t at = nowMs();
  for (std::size_t i = 0; i < steps.size(); ++i) {
    int seq = static_cast<int>(i), type = steps[i].type;
    std::string module = steps[i].module, params = toJson(steps[i].params);
    std::string key = outTradeId + "-" + std::to_string(i);
    std::string status = "PENDING";
    s << "INSERT INTO chain_steps (factory_id, payment_id, seq, type, module, params, status, next_run_at, "
         "idempotency_key, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $8, $8)",
        use(factoryId), use(paymentId), use(seq), use(type), use(module), use(params), use(status), bind(at), use(key),
        now;
  }
}

std::vector<StepCount> stepCounts(storage::Database& db) {
  Session s = db.session();
  std::vector<int> types;
  std::vector<std::string> statuses;
  std::vector<std::int64_t> counts;
  s << "SELECT type, status, COUNT(*) FROM chain_steps GROUP BY type, status ORDER BY type, status", into(types),
      into(statuses), into(counts), now;
  std::vector<StepCount> out;
  for (std::size_t i = 0; i < types.size(); ++i) out.push_back({types[i], statuses[i], counts[i]});
  return out;
}

std::int64_t workerLagMs(storage::Database& db) {
  Session s = db.session();
  std::int64_t at = nowMs();
  Poco::Nullable<std::int64_t> oldest;
  // The status terms match chain_steps_due's, so that SQLite uses it too.
  s << "SELECT MIN(next_run_at) FROM chain_steps WHERE status IN ('PENDING', 'RETRY', 'RUNNING') "
       "AND status <> 'RUNNING' AND next_run_at <= $1",
      use(at), into(oldest), now;
  return oldest.isNull() ? 0 : at - oldest.value();
}

StepWorker::StepWorker(storage::Database& db, const plugin_host::ModuleRegistry& registry,
                       const plugin_context::ServiceDirectory& services, sdk::HttpClient& http,
                       StepWorkerOptions options)
    : db_(db), registry_(registry), services_(services), http_(http), options_(options),
      owner_(crypto::randomHex(8)) {}

StepWorker::~StepWorker() { stop(); }

void StepWorker::start() {
  for (int i = 0; i < options_.threads; ++i) threads_.emplace_back([this] { loop(); });
}

void StepWorker::stop() {
  pause_.stop();
  for (auto& t : threads_) t.join();
  threads_.clear();
}

void StepWorker::wake() {
  pause_.wake();
}

void StepWorker::loop() {
  while (!pause_.stopping()) {
    bool worked = false;
    try {
      worked = runOnce();
    } catch (const std::exception& e) {
      log().error("step worker: %s", exceptionText(e));
    }
    if (worked) continue;
    pause_.pause(std::chrono::milliseconds(options_.pollIntervalMs));
  }
}

bool StepWorker::runOnce() {
  Claim c;
  if (!claim(c)) return false;
  try {
    run(c);
  } catch (const std::exception& e) {
    // Not the step's outcome (its transaction kept losing races, the database
    // went away): it is run again after the usual back-off, not only when its
    // lease runs out.
    release(c, storage::isRetryableConflict(e) ? "与并发事务冲突,稍后重试" : "执行未完成,稍后重试");
    throw;
  }
  return true;
}

void StepWorker::release(const Claim& c, const std::string& why) noexcept {
  try {
    std::int64_t at = nowMs(), retryAt = at + backoffMs(c.attempts);
    std::string reason = why;
    db_.transaction([&](Session& s) {
      s << "UPDATE chain_steps SET status = 'RETRY', last_error = $1, next_run_at = $2, lease_until = 0, "
           "lease_owner = '', updated_at = $3 WHERE id = $4 AND status = 'RUNNING' AND lease_owner = $5 "
           "AND attempts = $6",
          use(reason), use(retryAt), use(at), bind(c.stepId), use(owner_), bind(c.attempts), now;
    }, storage::Database::Isolation::ReadCommitted);
  } catch (const std::exception& e) {
    // The lease still runs out.
    log().error("step %?d keeps its lease: %s", c.stepId, exceptionText(e));
  }
}

std::int64_t StepWorker::backoffMs(int attempts) const {
  const int shift = std::min(std::max(attempts - 1, 0), 20);
  return std::min(options_.backoffCapMs, options_.backoffBaseMs << shift);
}

bool StepWorker::claim(Claim& c) {
  return db_.singleStatement([&](Session& s) {
    std::int64_t at = nowMs(), lease = at + options_.leaseMs;
    // The first unfinished step of each chain whose time has come and whose
    // lease (if any) has run out, taken and read in one statement.
    std::string pick =
        "SELECT s.id FROM chain_steps s WHERE s.status IN ('PENDING', 'RETRY', 'RUNNING') "
        "AND s.next_run_at <= $1 AND s.lease_until <= $1 AND NOT EXISTS (SELECT 1 FROM chain_steps p "
        "WHERE p.payment_id = s.payment_id AND p.seq < s.seq AND p.status <> 'DONE') "
        "ORDER BY s.next_run_at, s.id LIMIT 1";
    if (db_.dialect() == storage::Dialect::Postgresql) pick += " FOR UPDATE SKIP LOCKED";
    Poco::Data::Statement take(s);
    // Placeholders first appear in their order: SQLite numbers "$N" so. The
    // payer comes along (RETURNING may name only the updated table, so by
    // subqueries).
    take << "UPDATE chain_steps SET status = 'RUNNING', attempts = attempts + 1, updated_at = $1, lease_until = $2, "
            "lease_owner = $3 WHERE id = (" + pick + ") "
            "RETURNING id, payment_id, factory_id, seq, type, attempts, module, params, idempotency_key, "
            "(SELECT p.user_id FROM payments p WHERE p.id = chain_steps.payment_id), "
            "(SELECT p.out_trade_id FROM payments p WHERE p.id = chain_steps.payment_id), "
            "(SELECT f.name FROM factories f WHERE f.id = chain_steps.factory_id), " +
            std::string(db_.dialect() == storage::Dialect::Postgresql ? "ctid::text" : "''"),
        use(at), use(lease), use(owner_), into(c.stepId), into(c.paymentId), into(c.factoryId), into(c.seq),
        into(c.type), into(c.attempts), into(c.module), into(c.params), into(c.idempotencyKey),
        into(c.payer.userId), into(c.payer.outTradeId), into(c.payer.factory), into(c.version);
    c.leased = take.execute() > 0;
    return c.leased;
  });  // on PostgreSQL READ COMMITTED: for a queue claim the row lock is what counts
}

StepWorker::Payer StepWorker::payerOf(Session& s, std::int64_t paymentId, std::int64_t factoryId) {
  Payer payer;
  s << "SELECT p.user_id, p.out_trade_id, f.name FROM payments p JOIN factories f ON f.id = p.factory_id "
       "WHERE p.id = $1 AND p.factory_id = $2",
      bind(paymentId), bind(factoryId), into(payer.userId), into(payer.outTradeId), into(payer.factory), now;
  return payer;
}

void StepWorker::run(const Claim& c) {
  const sdk::ActionType* type = registry_.actionType(c.type);
  const plugin_host::LoadedModule* module = registry_.byType(c.type);
  Poco::JSON::Object::Ptr effect;
  if (type && module && type->handler->hasEffect()) {
    // Phase one holds no transaction and no lock: a slow outside service
    // stalls this step only, never another factory's writes.
    const sdk::StepResult first = effectPhase(c, *type, *module);
    if (first.status != sdk::StepResult::Status::Done) return recordApart(c, first);
    effect = first.result;
  }
  // Done is recorded with the step's effects; anything else undoes them and
  // is recorded after. No savepoint: two round trips fewer for every step.
  try {
    db_.transaction([&](Session& s) {
      const sdk::StepResult outcome = executePhase(s, c, type, module, effect);
      if (outcome.status != sdk::StepResult::Status::Done) throw StepNotDone{outcome};
      if (!record(s, c, outcome)) throw LeaseLost{};
    });
  } catch (const StepNotDone& notDone) {
    recordApart(c, notDone.result);
  } catch (const LeaseLost&) {
    lostLease(c);
  }
}

void StepWorker::recordApart(const Claim& c, const sdk::StepResult& outcome) {
  const bool mine = db_.transaction([&](Session& s) { return record(s, c, outcome); },
                                    storage::Database::Isolation::ReadCommitted);
  if (!mine) lostLease(c);
}

void StepWorker::lostLease(const Claim& c) {
  // It stalled past its lease and another claim took the step over.
  log().warning("step %?d lost its lease; its run was undone", c.stepId);
}

sdk::StepResult::Status StepWorker::executeAndRecord(Session& s, const Claim& c, const sdk::ActionType* type,
                                                     const plugin_host::LoadedModule* module) {
  s << "SAVEPOINT step", now;
  sdk::StepResult outcome;
  try {
    outcome = executePhase(s, c, type, module, nullptr);
    if (outcome.status != sdk::StepResult::Status::Done) throw StepNotDone{outcome};
  } catch (const StepNotDone&) {
    s << "ROLLBACK TO SAVEPOINT step", now;
  }
  s << "RELEASE SAVEPOINT step", now;
  record(s, c, outcome);
  return outcome.status;
}

void StepWorker::runInline(Session& s, std::int64_t paymentId) {
  std::vector<std::int64_t> ids, factories;
  std::vector<int> seqs, types;
  std::vector<std::string> modules, params, keys;
  s << "SELECT id, factory_id, seq, type, module, params, idempotency_key FROM chain_steps "
       "WHERE payment_id = $1 AND status = 'PENDING' ORDER BY seq",
      bind(paymentId), into(ids), into(factories), into(seqs), into(types), into(modules), into(params), into(keys),
      now;
  Payer payer;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const sdk::ActionType* type = registry_.actionType(types[i]);
    const plugin_host::LoadedModule* module = registry_.byType(types[i]);
    // An outside call must not run inside a transaction; a missing module is the worker's to report.
    if (!type || !module || type->handler->hasEffect()) return;
    if (i == 0) payer = payerOf(s, paymentId, factories[i]);
    const Claim c{ids[i],      paymentId, factories[i], seqs[i], types[i], 1, modules[i],
                  params[i],   keys[i],   payer,        false,   {}};
    s << "UPDATE chain_steps SET attempts = 1 WHERE id = $1", bind(c.stepId), now;
    if (executeAndRecord(s, c, type, module) != sdk::StepResult::Status::Done) return;
  }
}

template <typename Fn>
sdk::StepResult StepWorker::guarded(const Claim& c, const plugin_host::LoadedModule& module, Fn&& fn) {
  try {
    return fn();
  } catch (const sdk::Error& e) {
    return sdk::StepResult::fail(e.what());
  } catch (const std::exception& e) {
    // A lost race is not the step's failure: the whole transaction runs again.
    if (storage::isRetryableConflict(e)) throw;
    log().error("step %?d (type %d, module %s) threw: %s", c.stepId, c.type, module.name, exceptionText(e));
    return sdk::StepResult::fail(std::string("模块执行出错:") + e.what());
  } catch (...) {
    log().error("step %?d (type %d, module %s) threw a non-standard exception", c.stepId, c.type, module.name);
    return sdk::StepResult::fail("模块执行出错");
  }
}

sdk::StepResult StepWorker::effectPhase(const Claim& c, const sdk::ActionType& type,
                                        const plugin_host::LoadedModule& module) {
  const Payer& payer = c.payer;
  return guarded(c, module, [&] {
    Session s = db_.session();
    plugin_context::PluginScope scope(services_, s, c.factoryId, payer.factory, payer.userId, module.name,
                                      c.idempotencyKey);
    auto params = resolveConfigRefs(Poco::JSON::Parser().parse(c.params).extract<Poco::JSON::Object::Ptr>(),
                                    scope.scope().config);
    sdk::EffectContext ctx{scope.scope(), params, c.paymentId, payer.outTradeId, c.seq, c.idempotencyKey, http_};
    return type.handler->effect(ctx);
  });
}

sdk::StepResult StepWorker::executePhase(Session& s, const Claim& c, const sdk::ActionType* type,
                                         const plugin_host::LoadedModule* module,
                                         const Poco::JSON::Object::Ptr& effect) {
  const Payer& payer = c.payer;
  if (!type || !module) return sdk::StepResult::fail("type " + std::to_string(c.type) + " 的模块未加载");
  return guarded(c, *module, [&] {
    plugin_context::PluginScope scope(services_, s, c.factoryId, payer.factory, payer.userId, module->name,
                                      c.idempotencyKey);
    auto params = resolveConfigRefs(Poco::JSON::Parser().parse(c.params).extract<Poco::JSON::Object::Ptr>(),
                                    scope.scope().config);
    sdk::ExecuteContext ctx{scope.scope(), params,           c.paymentId,          payer.outTradeId,
                            c.seq,         c.idempotencyKey, scope.payerLedger(), effect};
    return type->handler->execute(ctx);
  });
}

// A claimed step's outcome is written only while the claim still holds (this
// worker's lease, no later claim). On PostgreSQL the row is found by the
// version its claim wrote (a TID scan): through the primary key, SERIALIZABLE
// would lock the index's last page, which every new and every finished step
// writes, and concurrent step transactions would cancel each other. A later
// claim wrote a new version, so an old ctid finds nothing (as does every ctid
// after a VACUUM FULL: the steps then in flight run again when their leases end).
bool StepWorker::record(Session& s, const Claim& c, const sdk::StepResult& outcome) {
  std::int64_t at = nowMs();
  std::string reason = outcome.reason;
  std::string status;
  std::int64_t nextRun = at;
  switch (outcome.status) {
    case sdk::StepResult::Status::Done:
      status = "DONE";
      break;
    case sdk::StepResult::Status::Retry:
      if (c.attempts >= options_.maxAttempts) {
        status = "FAILED";
        reason = "重试 " + std::to_string(c.attempts) + " 次后仍未成功:" + reason;
      } else {
        status = "RETRY";
        nextRun = at + backoffMs(c.attempts);
      }
      break;
    case sdk::StepResult::Status::Fail:
      status = "FAILED";
      break;
  }
  std::string result = toJson(outcome.result);
  Poco::Data::Statement update(s);
  update << "UPDATE chain_steps SET status = $1, last_error = $2, result = $3, next_run_at = $4, lease_until = 0, "
            "lease_owner = '', updated_at = $5 WHERE id = $6",
      use(status), use(reason), use(result), use(nextRun), use(at), bind(c.stepId);
  if (c.leased) {
    update << " AND status = 'RUNNING' AND lease_owner = $7 AND attempts = $8", use(owner_), bind(c.attempts);
    if (!c.version.empty()) update << " AND ctid = $9::tid", bind(c.version);
  }
  if (update.execute() == 0) return false;
  if (status == "FAILED") {
    // The chain stops here; the money stays in the wallet.
    s << "UPDATE chain_steps SET status = 'SKIPPED', updated_at = $1 WHERE payment_id = $2 AND seq > $3", use(at),
        bind(c.paymentId), bind(c.seq), now;
    log().warning("step %?d of payment %?d failed: %s", c.stepId, c.paymentId, reason);
  }
  return true;
}

}  // namespace paynext::core::actions
