// Provides EchoService v1 (module "svcprov", 服务提供测试); GET /svcprov/calls
// lists what was echoed in this factory.
#include <Poco/JSON/Array.h>

#include "paynext/sdk/module_export.h"
#include "tests/plugins/echo_service.h"

namespace paynext::testplugins {

using namespace Poco::Data::Keywords;

class Echo : public EchoService {
 public:
  std::string echo(sdk::Scope& scope, const std::string& text) override {
    std::int64_t factory = scope.factoryId;
    std::string t = text;
    scope.session << "INSERT INTO svcprov_calls (factory_id, text) VALUES ($1, $2)", use(factory), use(t), now;
    return "echo:" + text;
  }
};

class SvcProviderModule : public sdk::Module {
 public:
  std::string name() const override { return "svcprov"; }
  std::string title() const override { return "服务提供测试"; }
  std::string version() const override { return "1.0.0"; }
  std::vector<sdk::Migration> migrations() const override {
    const char* sql = "CREATE TABLE svcprov_calls (factory_id BIGINT NOT NULL, text TEXT NOT NULL)";
    return {{1, sql, sql}};
  }
  std::vector<sdk::ProvidedService> services() override {
    return {{EchoService::kName, EchoService::kVersion, std::make_shared<Echo>()}};
  }
  std::vector<sdk::Route> routes() override {
    sdk::Route calls;
    calls.method = "GET";
    calls.path = "/svcprov/calls";
    calls.audience = sdk::Audience::Public;
    calls.handler = [](sdk::RouteContext& ctx) {
      std::vector<std::string> texts;
      std::int64_t factory = ctx.scope.factoryId;
      ctx.scope.session << "SELECT text FROM svcprov_calls WHERE factory_id = $1 ORDER BY text", use(factory),
          into(texts), now;
      Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
      for (const auto& t : texts) list->add(t);
      return sdk::RouteResponse{0, "success", list};
    };
    return {calls};
  }
};

}  // namespace paynext::testplugins

PAYNEXT_MODULE(paynext::testplugins::SvcProviderModule)
