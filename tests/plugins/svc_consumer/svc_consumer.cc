// Uses EchoService v1 (module "svcuse", 服务使用测试): type 910 {text} needs
// the service when the payment is created and echoes the text when it runs.
#include "paynext/sdk/module_export.h"
#include "paynext/sdk/params.h"
#include "tests/plugins/echo_service.h"

namespace paynext::testplugins {

class EchoHandler : public sdk::ActionHandler {
 public:
  sdk::Fen validate(sdk::ValidateContext& ctx) override {
    sdk::params::requireString(*ctx.params, "text");
    ctx.scope.services.require<EchoService>();
    return 0;
  }
  sdk::StepResult execute(sdk::ExecuteContext& ctx) override {
    auto& echo = ctx.scope.services.require<EchoService>();
    Poco::JSON::Object::Ptr result = new Poco::JSON::Object;
    result->set("echo", echo.echo(ctx.scope, sdk::params::requireString(*ctx.params, "text")));
    return sdk::StepResult::done(result);
  }
};

class SvcConsumerModule : public sdk::Module {
 public:
  std::string name() const override { return "svcuse"; }
  std::string title() const override { return "服务使用测试"; }
  std::string version() const override { return "1.0.0"; }
  std::vector<sdk::ActionType> actionTypes() override {
    return {{910, "回声步骤", {{"text", "string", true, "要回声的文字"}}, std::make_shared<EchoHandler>()}};
  }
};

}  // namespace paynext::testplugins

PAYNEXT_MODULE(paynext::testplugins::SvcConsumerModule)
