#pragma once
// A module for tests: type 900 does what its params say (mode done, fail,
// retry or throw; sleepMs; amount in fen debited from the wallet) and each
// committed execution leaves a row in testkit_runs. POST /testkit/points
// grants the logged-in user points.
#include <chrono>
#include <thread>

#include <Poco/Data/Session.h>
#include <Poco/JSON/Array.h>

#include "paynext/sdk/module_export.h"
#include "paynext/sdk/params.h"

namespace paynext::plugins::testkit {

using namespace Poco::Data::Keywords;

class StepHandler : public sdk::ActionHandler {
 public:
  sdk::Fen validate(sdk::ValidateContext& ctx) override {
    const std::string mode = sdk::params::optionalString(*ctx.params, "mode").value_or("done");
    if (mode != "done" && mode != "fail" && mode != "retry" && mode != "throw") {
      throw sdk::ParamError("mode", "参数 mode 只能是 done、fail、retry 或 throw");
    }
    return sdk::params::optionalInt(*ctx.params, "amount").value_or(0);
  }

  sdk::StepResult execute(sdk::ExecuteContext& ctx) override {
    const auto& p = *ctx.params;
    const std::string mode = sdk::params::optionalString(p, "mode").value_or("done");
    std::int64_t factory = ctx.scope.factoryId;
    std::string key = ctx.idempotencyKey;
    std::string value = sdk::params::optionalString(p, "value").value_or("");
    ctx.scope.session << "INSERT INTO testkit_runs (factory_id, step_key, value) VALUES ($1, $2, $3)", use(factory),
        use(key), use(value), now;
    if (auto amount = sdk::params::optionalInt(p, "amount"); amount && *amount > 0) {
      ctx.ledger.debit(*amount, "testkit", key);
    }
    if (auto ms = sdk::params::optionalInt(p, "sleepMs")) std::this_thread::sleep_for(std::chrono::milliseconds(*ms));
    if (mode == "fail") return sdk::StepResult::fail("testkit asked to fail");
    if (mode == "retry") return sdk::StepResult::retry("testkit asked to retry");
    if (mode == "throw") throw std::runtime_error("testkit asked to throw");
    return sdk::StepResult::done();
  }
};

class TestkitModule : public sdk::Module {
 public:
  std::string name() const override { return "testkit"; }
  std::string title() const override { return "测试模块"; }
  std::string version() const override { return "1.0.0"; }
  std::vector<sdk::ActionType> actionTypes() override {
    return {{900, "测试步骤", {{"mode", "string", false, "done, fail, retry or throw"}}, std::make_shared<StepHandler>()}};
  }
  std::vector<sdk::Migration> migrations() const override {
    return {{1, "CREATE TABLE testkit_runs (factory_id BIGINT NOT NULL, step_key TEXT NOT NULL, value TEXT NOT NULL)",
             "CREATE TABLE testkit_runs (factory_id BIGINT NOT NULL, step_key TEXT NOT NULL, value TEXT NOT NULL)"}};
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
    return {runs, points};
  }
};

}  // namespace paynext::plugins::testkit
