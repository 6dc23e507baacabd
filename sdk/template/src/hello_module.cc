#include "hello_module.h"

#include "paynext/sdk/params.h"

namespace hello {

using namespace Poco::Data::Keywords;

namespace {

class GreetHandler : public paynext::sdk::ActionHandler {
 public:
  paynext::sdk::Fen validate(paynext::sdk::ValidateContext& ctx) override {
    paynext::sdk::params::requireString(*ctx.params, "greeting");
    return 0;
  }
  paynext::sdk::StepResult execute(paynext::sdk::ExecuteContext& ctx) override {
    std::string greeting = paynext::sdk::params::requireString(*ctx.params, "greeting");
    std::int64_t factory = ctx.scope.factoryId;
    ctx.scope.session << "INSERT INTO hello_greetings (factory_id, greeting) VALUES ($1, $2)", use(factory),
        use(greeting), now;
    return paynext::sdk::StepResult::done();
  }
};

}  // namespace

std::vector<paynext::sdk::ActionType> HelloModule::actionTypes() {
  return {{1000, "示例步骤", {{"greeting", "string", true, "要记录的问候语"}}, std::make_shared<GreetHandler>()}};
}

std::vector<paynext::sdk::Migration> HelloModule::migrations() const {
  const char* sql = "CREATE TABLE hello_greetings (factory_id BIGINT NOT NULL, greeting TEXT NOT NULL)";
  return {{1, sql, sql}};
}

std::vector<paynext::sdk::Route> HelloModule::routes() {
  paynext::sdk::Route ping;
  ping.method = "*";
  ping.path = "/hello/ping";
  ping.audience = paynext::sdk::Audience::Public;
  ping.handler = [](paynext::sdk::RouteContext&) { return paynext::sdk::RouteResponse{0, "success", "pong"}; };
  return {ping};
}

}  // namespace hello
