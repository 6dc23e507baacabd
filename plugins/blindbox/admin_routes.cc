#include "admin_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "box_request.h"
#include "box_store.h"
#include "draw_store.h"
#include "settings_store.h"

namespace paynext::plugins::blindbox {

namespace p = sdk::params;

namespace {


sdk::RouteResponse getSettings(sdk::RouteContext& ctx) {
  return sdk::RouteResponse::ok(toJson(SettingsStore(ctx.scope.session, ctx.scope.factoryId).findOrDefault()));
}

sdk::RouteResponse putSettings(sdk::RouteContext& ctx) {
  const Settings settings = settingsFromJson(*ctx.params);
  SettingsStore(ctx.scope.session, ctx.scope.factoryId).save(settings);
  return sdk::RouteResponse::ok(toJson(settings));
}

sdk::RouteResponse listBoxes(sdk::RouteContext& ctx) {
  BoxStore boxes(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  if (p::has(*ctx.params, "id")) {
    const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
    const auto box = boxes.find(id);
    if (!box) throw sdk::Error(sdk::codes::kNoData, "盲盒 " + std::to_string(id) + " 不存在");
    return sdk::RouteResponse::ok(toJson(*box));
  }
  const std::int64_t userId = p::optionalUser(*ctx.params, "userId", ctx.scope.users);
  const std::string status = statusFilter(*ctx.params);
  const auto w = p::offsetWindow(*ctx.params);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& box : boxes.list(userId, status, w.offset, w.limit)) list->add(toJson(box));
  return sdk::RouteResponse::ok(list);
}

sdk::RouteResponse listDraws(sdk::RouteContext& ctx) {
  const std::int64_t userId = p::optionalUser(*ctx.params, "userId", ctx.scope.users);
  const auto w = p::offsetWindow(*ctx.params);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& d : DrawStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).list(userId, w.offset, w.limit)) {
    list->add(toJson(d));
  }
  return sdk::RouteResponse::ok(list);
}

// What admins see each resource as, in the console's 模块设置.
std::string titleOf(const std::string& path) {
  if (path == "/settings") return "盲盒设置";
  if (path == "/boxes") return "盲盒";
  return "盲盒抽取记录";
}

sdk::Route adminRoute(const std::string& method, const std::string& path, bool writes,
                      sdk::RouteResponse (*handler)(sdk::RouteContext&)) {
  return sdk::Route(method, path, sdk::Audience::Admin, writes, handler, titleOf(path));
}

}  // namespace

std::vector<sdk::Route> adminRoutes() {
  return {adminRoute("GET", "/settings", false, getSettings), adminRoute("PUT", "/settings", true, putSettings),
          adminRoute("GET", "/boxes", false, listBoxes), adminRoute("GET", "/draws", false, listDraws)};
}

}  // namespace paynext::plugins::blindbox
