// Answers GET /testkit/runs, which testkit serves for every method: start-up
// must fail naming both files. Its admin route of the same path is no
// clash: admin routes are mounted under their own module.
#include "paynext/sdk/module_export.h"

namespace {
class DupRouteModule : public paynext::sdk::Module {
 public:
  std::string name() const override { return "dup_route"; }
  std::string title() const override { return "重复路由"; }
  std::string version() const override { return "0.0.1"; }
  std::vector<paynext::sdk::Route> routes() override {
    auto answer = [](paynext::sdk::RouteContext&) { return paynext::sdk::RouteResponse{}; };
    paynext::sdk::Route adminRuns;
    adminRuns.method = "GET";
    adminRuns.path = "/testkit/runs";
    adminRuns.audience = paynext::sdk::Audience::Admin;
    adminRuns.handler = answer;
    paynext::sdk::Route runs;
    runs.method = "GET";
    runs.path = "/testkit/runs";
    runs.audience = paynext::sdk::Audience::Public;
    runs.handler = answer;
    return {adminRuns, runs};
  }
};
}  // namespace

PAYNEXT_MODULE(DupRouteModule)
