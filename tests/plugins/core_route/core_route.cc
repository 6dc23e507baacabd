// Answers POST /user/m/login, a path paynextd serves itself: start-up must
// fail naming the core and this file.
#include "paynext/sdk/module_export.h"

namespace {
class CoreRouteModule : public paynext::sdk::Module {
 public:
  std::string name() const override { return "core_route"; }
  std::string title() const override { return "占用核心路由"; }
  std::string version() const override { return "0.0.1"; }
  std::vector<paynext::sdk::Route> routes() override {
    paynext::sdk::Route login;
    login.method = "POST";
    login.path = "/user/m/login";
    login.audience = paynext::sdk::Audience::Public;
    login.handler = [](paynext::sdk::RouteContext&) { return paynext::sdk::RouteResponse{}; };
    return {login};
  }
};
}  // namespace

PAYNEXT_MODULE(CoreRouteModule)
