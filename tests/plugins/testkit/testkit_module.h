#pragma once
// A module for tests: type 900 does what its params say (mode done, fail,
// retry or throw; mode conflict throws a retryable database conflict on its
// first `conflicts` executions, then is done; sleepMs, a slow step's work
// before it writes, holding no row lock; sleepFirstMs, the same on the step's
// first execution only (a run that outlives its lease); amount in fen debited
// from the wallet; creditUser and creditAmount credit another user) and each
// committed execution leaves a row in testkit_runs. Type 901 posts to `url`
// as its effect and records the answer. The job "tick" records the host's
// clock in testkit_ticks each minute (and fails while the system parameter
// testkit.jobFails is "1").
// POST /testkit/points grants the logged-in user points, POST
// /testkit/transfer moves balance to another user, GET /testkit/user looks
// one up.
#include <chrono>
#include <map>
#include <mutex>
#include <thread>
#include <utility>

#include <Poco/Data/Session.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>

#include "paynext/sdk/module_export.h"
#include "paynext/sdk/params.h"

namespace paynext::plugins::testkit {

using namespace Poco::Data::Keywords;

// Conflicts thrown so far per step key: the count outlives the rolled-back transactions.
inline bool conflictDue(const std::string& key, std::int64_t conflicts) {
  static std::mutex mutex;
  static std::map<std::string, std::int64_t> thrown;
  std::lock_guard<std::mutex> lock(mutex);
  return thrown[key]++ < conflicts;
}

// Whether this is the step's first execution in this process.
inline bool firstExecution(const std::string& key) {
  static std::mutex mutex;
  static std::map<std::string, bool> seen;
  std::lock_guard<std::mutex> lock(mutex);
  return !std::exchange(seen[key], true);
}

class StepHandler : public sdk::ActionHandler {
 public:
  sdk::Fen validate(sdk::ValidateContext& ctx) override {
    const std::string mode = sdk::params::optionalString(*ctx.params, "mode").value_or("done");
    if (mode != "done" && mode != "fail" && mode != "retry" && mode != "throw" && mode != "conflict") {
      throw sdk::ParamError("mode", "参数 mode 只能是 done、fail、retry、throw 或 conflict");
    }
    return sdk::params::optionalInt(*ctx.params, "amount").value_or(0);
  }

  sdk::StepResult execute(sdk::ExecuteContext& ctx) override {
    const auto& p = *ctx.params;
    const std::string mode = sdk::params::optionalString(p, "mode").value_or("done");
    std::int64_t factory = ctx.scope.factoryId;
    std::string key = ctx.idempotencyKey;
    std::string value = sdk::params::optionalString(p, "value").value_or("");
    if (mode == "conflict" && conflictDue(key, sdk::params::optionalInt(p, "conflicts").value_or(0))) {
      // What the host sees when PostgreSQL cancels a serializable transaction.
      throw Poco::Exception("testkit conflict", "State: 40001");
    }
    // Before the writes: a step that slept holding the wallet's row lock would
    // make every settlement of its user wait for it and, on PostgreSQL, lose.
    if (auto ms = sdk::params::optionalInt(p, "sleepMs")) std::this_thread::sleep_for(std::chrono::milliseconds(*ms));
    if (auto ms = sdk::params::optionalInt(p, "sleepFirstMs"); ms && firstExecution(key)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(*ms));
    }
    ctx.scope.session << "INSERT INTO testkit_runs (factory_id, step_key, value) VALUES ($1, $2, $3)", use(factory),
        use(key), use(value), now;
    if (auto amount = sdk::params::optionalInt(p, "amount"); amount && *amount > 0) {
      ctx.ledger.debit(*amount, "testkit", key);
    }
    if (auto to = sdk::params::optionalInt(p, "creditUser")) {
      ctx.scope.wallets.of(*to).credit(sdk::params::requirePositiveInt(p, "creditAmount"), "testkit share", key);
    }
    if (mode == "fail") return sdk::StepResult::fail("testkit asked to fail");
    if (mode == "retry") return sdk::StepResult::retry("testkit asked to retry");
    if (mode == "throw") throw std::runtime_error("testkit asked to throw");
    return sdk::StepResult::done();
  }
};

// Type 901: the outside call is the step's effect; execute records its answer.
class CallHandler : public sdk::ActionHandler {
 public:
  sdk::Fen validate(sdk::ValidateContext& ctx) override {
    sdk::params::requireString(*ctx.params, "url");
    return 0;
  }
  bool hasEffect() const override { return true; }
  sdk::StepResult effect(sdk::EffectContext& ctx) override {
    sdk::HttpRequest request;
    request.url = sdk::params::requireString(*ctx.params, "url");
    request.headers["Idempotency-Key"] = ctx.idempotencyKey;
    request.body = "{}";
    sdk::HttpReply reply;
    try {
      reply = ctx.http.send(request);
    } catch (const sdk::HttpError& e) {
      return sdk::StepResult::retry(e.what());
    }
    if (!reply.ok()) return sdk::StepResult::fail("HTTP " + std::to_string(reply.status));
    Poco::JSON::Object::Ptr result = new Poco::JSON::Object;
    result->set("body", reply.body);
    return sdk::StepResult::done(result);
  }
  sdk::StepResult execute(sdk::ExecuteContext& ctx) override {
    std::int64_t factory = ctx.scope.factoryId;
    std::string key = ctx.idempotencyKey, value = ctx.effect->getValue<std::string>("body");
    ctx.scope.session << "INSERT INTO testkit_runs (factory_id, step_key, value) VALUES ($1, $2, $3)", use(factory),
        use(key), use(value), now;
    return sdk::StepResult::done();
  }
};

class TestkitModule : public sdk::Module {
 public:
  std::string name() const override { return "testkit"; }
  std::string title() const override { return "测试模块"; }
  std::string version() const override { return "1.0.0"; }
  std::vector<sdk::ActionType> actionTypes() override {
    return {{900, "测试步骤", {{"mode", "string", false, "done, fail, retry, throw or conflict"}},
             std::make_shared<StepHandler>()},
            {901, "外部调用", {{"url", "string", true, "要 POST 的地址"}}, std::make_shared<CallHandler>()}};
  }
  std::vector<sdk::Migration> migrations() const override {
    return {{1, "CREATE TABLE testkit_runs (factory_id BIGINT NOT NULL, step_key TEXT NOT NULL, value TEXT NOT NULL)",
             "CREATE TABLE testkit_runs (factory_id BIGINT NOT NULL, step_key TEXT NOT NULL, value TEXT NOT NULL)"},
            {2, "CREATE TABLE testkit_ticks (factory_id BIGINT NOT NULL, at BIGINT NOT NULL, last_run_at BIGINT NOT NULL)",
             "CREATE TABLE testkit_ticks (factory_id BIGINT NOT NULL, at BIGINT NOT NULL, last_run_at BIGINT NOT NULL)"}};
  }
  std::vector<sdk::Job> jobs() override {
    return {{"tick", 60000, [](sdk::JobContext& ctx) {
               std::int64_t factory = ctx.scope.factoryId, at = ctx.scope.clock.nowMs(), last = ctx.lastRunAt;
               ctx.scope.session << "INSERT INTO testkit_ticks (factory_id, at, last_run_at) VALUES ($1, $2, $3)",
                   use(factory), use(at), use(last), now;
               if (ctx.scope.config.get("testkit.jobFails") == std::optional<std::string>("1")) {
                 throw std::runtime_error("testkit job asked to fail");
               }
             }}};
  }
  std::vector<sdk::Route> routes() override {
    sdk::Route runs;
    runs.method = "*";
    runs.path = "/testkit/runs";
    runs.audience = sdk::Audience::Public;
    runs.handler = [](sdk::RouteContext& ctx) {
      std::vector<std::string> keys, values;
      std::int64_t factory = ctx.scope.factoryId;
      ctx.scope.session << "SELECT step_key, value FROM testkit_runs WHERE factory_id = $1 ORDER BY step_key",
          use(factory), into(keys), into(values), now;
      Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
      for (std::size_t i = 0; i < keys.size(); ++i) {
        Poco::JSON::Object::Ptr row = new Poco::JSON::Object;
        row->set("key", keys[i]);
        row->set("value", values[i]);
        list->add(row);
      }
      return sdk::RouteResponse{0, "success", list};
    };
    // Tests grant points with it: paynext itself has no way to earn them yet.
    sdk::Route points;
    points.method = "POST";
    points.path = "/testkit/points";
    points.audience = sdk::Audience::User;
    points.writes = true;
    points.handler = [](sdk::RouteContext& ctx) {
      ctx.ledger.creditPoints(sdk::params::requirePositiveInt(*ctx.params, "points"), "testkit", "testkit");
      return sdk::RouteResponse{0, "success", ctx.ledger.points()};
    };
    sdk::Route transfer;
    transfer.method = "POST";
    transfer.path = "/testkit/transfer";
    transfer.audience = sdk::Audience::User;
    transfer.writes = true;
    transfer.handler = [](sdk::RouteContext& ctx) {
      const auto amount = sdk::params::requirePositiveInt(*ctx.params, "amount");
      auto& to = ctx.scope.wallets.of(sdk::params::requirePositiveInt(*ctx.params, "to"));
      ctx.ledger.debit(amount, "testkit transfer", "transfer");
      to.credit(amount, "testkit transfer", "transfer");
      return sdk::RouteResponse{0, "success", to.balance()};
    };
    sdk::Route user;
    user.method = "GET";
    user.path = "/testkit/user";
    user.audience = sdk::Audience::Public;
    user.handler = [](sdk::RouteContext& ctx) {
      const auto id = sdk::params::requirePositiveInt(*ctx.params, "id");
      auto found = ctx.scope.users.find(id);
      if (!found) throw sdk::Error(sdk::codes::kNoData, "用户 " + std::to_string(id) + " 不存在");
      Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
      json->set("id", found->id);
      json->set("nickname", found->nickname);
      json->set("mobile", found->maskedMobile);
      return sdk::RouteResponse{0, "success", json};
    };
    return {runs, points, transfer, user};
  }
};

}  // namespace paynext::plugins::testkit
