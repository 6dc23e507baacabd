#include "hello_module.h"

#include <optional>

#include <Poco/JSON/Array.h>
#include <Poco/Tuple.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/money.h"
#include "paynext/sdk/params.h"

namespace hello {

namespace sdk = paynext::sdk;
using namespace Poco::Data::Keywords;

namespace {

constexpr std::size_t kMaxGreetingBytes = 200;

// Params are read the same way when the payment is created, when the step
// runs and in the route; a ParamError names the field for the caller.
std::string greetingOf(const Poco::JSON::Object& params) {
  std::string greeting = sdk::params::requireString(params, "greeting");
  if (greeting.size() > kMaxGreetingBytes) throw sdk::ParamError("greeting", "参数 greeting 不能超过 200 字节");
  return greeting;
}

// The price is the module's to set, never the client's: here the factory's
// system parameter hello.fee (yuan; none means free). A real module prices
// from what its admins keep in its own tables.
sdk::Fen feeOf(const sdk::Scope& scope) {
  const auto text = scope.config.get("hello.fee");
  if (!text) return 0;
  const auto fen = sdk::parseYuan(*text);
  if (!fen) throw sdk::Error(sdk::codes::kBadRequest, "系统参数 hello.fee 应为不超过两位小数的金额(元)");
  return *fen;
}

// Every row carries its factory and every query filters on it; use() binds a
// variable by reference, bind() a copy (for const values). The step's
// key is stored so a step already done is never done twice; a greeting left
// through the route has none ('' is stored as NULL, which UNIQUE allows twice).
std::int64_t insertGreeting(sdk::Scope& scope, const std::string& greeting, sdk::Fen fee, const std::string& stepKey) {
  std::int64_t createdAt = scope.clock.nowMs();
  std::int64_t id = 0;
  scope.session << "INSERT INTO hello_greetings (factory_id, user_id, greeting, fee, step_key, created_at) "
                   "VALUES ($1, $2, $3, $4, NULLIF($5, ''), $6) RETURNING id",
      use(scope.factoryId), use(scope.userId), bind(greeting), use(fee), bind(stepKey), use(createdAt), into(id), now;
  return id;
}

std::optional<std::int64_t> greetingOfStep(sdk::Scope& scope, const std::string& stepKey) {
  std::vector<std::int64_t> ids;
  scope.session << "SELECT id FROM hello_greetings WHERE factory_id = $1 AND step_key = $2", use(scope.factoryId),
      bind(stepKey), into(ids), now;
  if (ids.empty()) return std::nullopt;
  return ids.front();
}

Poco::JSON::Object::Ptr greetingResult(std::int64_t id) {
  Poco::JSON::Object::Ptr result = new Poco::JSON::Object;
  result->set("greetingId", id);
  return result;
}

class GreetHandler : public sdk::ActionHandler {
 public:
  // When the payment is created: refuse bad params (nothing is stored then)
  // and answer what the step will debit, so a wallet short of it is refused too.
  sdk::Fen validate(sdk::ValidateContext& ctx) override {
    greetingOf(*ctx.params);
    return feeOf(ctx.scope);
  }

  // Once paid, in the step's transaction: the greeting, the debit and the
  // step's status commit together or not at all. Throwing counts as Fail.
  sdk::StepResult execute(sdk::ExecuteContext& ctx) override {
    // ctx.idempotencyKey, "<outTradeId>-<stepIndex>", is the same on every
    // attempt of this step and differs for every other step.
    if (auto id = greetingOfStep(ctx.scope, ctx.idempotencyKey)) return sdk::StepResult::done(greetingResult(*id));
    // Retry: transient; rolled back and run again later, with backoff.
    if (ctx.scope.config.get("hello.paused").value_or("") == "1") {
      return sdk::StepResult::retry("问候簿暂停收录(系统参数 hello.paused),稍后重试");
    }
    const std::string greeting = greetingOf(*ctx.params);
    const sdk::Fen fee = feeOf(ctx.scope);
    try {
      if (fee > 0) ctx.ledger.debit(fee, "示例问候", "hello:" + ctx.idempotencyKey);
    } catch (const sdk::InsufficientFunds&) {
      // Fail: permanent; the chain stops, later steps are skipped, the money stays in the wallet.
      return sdk::StepResult::fail("余额不足,问候需要 " + sdk::formatYuan(fee) + " 元");
    }
    return sdk::StepResult::done(greetingResult(insertGreeting(ctx.scope, greeting, fee, ctx.idempotencyKey)));
  }
};

// A refusal is thrown (ParamError here) or answered as RouteResponse{code, msg}.
sdk::RouteResponse greet(sdk::RouteContext& ctx) {
  const std::string greeting = greetingOf(*ctx.params);
  Poco::JSON::Object::Ptr data = new Poco::JSON::Object;
  data->set("id", insertGreeting(ctx.scope, greeting, 0, ""));
  data->set("greeting", greeting);
  return sdk::RouteResponse{sdk::codes::kOk, "success", data};
}

sdk::RouteResponse listGreetings(sdk::RouteContext& ctx) {
  std::vector<Poco::Tuple<std::int64_t, std::int64_t, std::string, std::int64_t, std::int64_t>> rows;
  ctx.scope.session << "SELECT id, user_id, greeting, fee, created_at FROM hello_greetings WHERE factory_id = $1 "
                       "ORDER BY id DESC",
      use(ctx.scope.factoryId), into(rows), now;
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& r : rows) {
    Poco::JSON::Object::Ptr g = new Poco::JSON::Object;
    g->set("id", r.get<0>());
    g->set("userId", r.get<1>());
    g->set("greeting", r.get<2>());
    g->set("fee", sdk::yuanNumber(r.get<3>()));
    g->set("createdAt", r.get<4>());
    list->add(g);
  }
  return sdk::RouteResponse{sdk::codes::kOk, "success", list};
}

}  // namespace

std::vector<sdk::ActionType> HelloModule::actionTypes() {
  return {{kGreetType,
           "示例:记录问候",
           {{"greeting", "string", true, "问候语,不超过 200 字节"}},
           std::make_shared<GreetHandler>()}};
}

// One statement per version, in both dialects; ids are INTEGER PRIMARY KEY in
// SQLite and BIGSERIAL in PostgreSQL, money (fen) and times (epoch ms) BIGINT.
std::vector<sdk::Migration> HelloModule::migrations() const {
  return {
      {1,
       "CREATE TABLE hello_greetings (id INTEGER PRIMARY KEY, factory_id BIGINT NOT NULL, user_id BIGINT NOT NULL, "
       "greeting TEXT NOT NULL, fee BIGINT NOT NULL, step_key TEXT, created_at BIGINT NOT NULL, "
       "UNIQUE (factory_id, step_key))",
       "CREATE TABLE hello_greetings (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, user_id BIGINT NOT NULL, "
       "greeting TEXT NOT NULL, fee BIGINT NOT NULL, step_key TEXT, created_at BIGINT NOT NULL, "
       "UNIQUE (factory_id, step_key))"},
      {2, "CREATE INDEX hello_greetings_user ON hello_greetings (factory_id, user_id)",
       "CREATE INDEX hello_greetings_user ON hello_greetings (factory_id, user_id)"},
  };
}

std::vector<sdk::Route> HelloModule::routes() {
  sdk::Route greetRoute;  // POST /{factory}/hello/greet, with the user's token
  greetRoute.method = "POST";
  greetRoute.path = "/hello/greet";
  greetRoute.audience = sdk::Audience::User;
  greetRoute.writes = true;  // one transaction, committed when it answers code 0
  greetRoute.handler = greet;

  sdk::Route listRoute;  // GET /admin/api/factories/{factory}/modules/hello/greetings
  listRoute.method = "GET";
  listRoute.path = "/greetings";
  listRoute.audience = sdk::Audience::Admin;
  listRoute.title = "问候记录";  // the console lists it under 模块设置
  listRoute.handler = listGreetings;
  return {greetRoute, listRoute};
}

}  // namespace hello
