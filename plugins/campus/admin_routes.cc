#include "admin_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/messages.h"
#include "paynext/sdk/params.h"

#include "card_holder_store.h"
#include "fields.h"
#include "package_store.h"
#include "record_store.h"
#include "settings_store.h"

namespace paynext::plugins::campus {

namespace p = sdk::params;

namespace {


// A user id an admin gives must name a user of this factory.
std::int64_t requireUser(sdk::Scope& scope, std::int64_t userId) {
  if (!scope.users.find(userId)) throw sdk::Error(sdk::codes::kNoData, sdk::messages::userNotFound(userId));
  return userId;
}

sdk::RouteResponse getSettings(sdk::RouteContext& ctx) {
  return sdk::RouteResponse::ok(toJson(SettingsStore(ctx.scope.session, ctx.scope.factoryId).findOrDefault()));
}

sdk::RouteResponse putSettings(sdk::RouteContext& ctx) {
  const Settings settings = settingsFromJson(*ctx.params);
  SettingsStore(ctx.scope.session, ctx.scope.factoryId).save(settings);
  return sdk::RouteResponse::ok(toJson(settings));
}

sdk::RouteResponse listPackages(sdk::RouteContext& ctx) {
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& pkg : PackageStore(ctx.scope.session, ctx.scope.factoryId).list()) list->add(toJson(pkg));
  return sdk::RouteResponse::ok(list);
}

sdk::RouteResponse putPackage(sdk::RouteContext& ctx) {
  const Package pkg = packageFromJson(*ctx.params);
  PackageStore(ctx.scope.session, ctx.scope.factoryId).save(pkg);
  return sdk::RouteResponse::ok(toJson(pkg));
}

sdk::RouteResponse deletePackage(sdk::RouteContext& ctx) {
  const std::string id = p::requireString(*ctx.params, "id");
  if (!PackageStore(ctx.scope.session, ctx.scope.factoryId).remove(id)) {
    throw sdk::Error(sdk::codes::kNoData, "套餐 " + id + " 不存在");
  }
  Poco::JSON::Object::Ptr data = new Poco::JSON::Object;
  data->set("deleted", id);
  return sdk::RouteResponse::ok(data);
}

sdk::RouteResponse getHolder(sdk::RouteContext& ctx) {
  const std::int64_t userId = requireUser(ctx.scope, p::requirePositiveInt(*ctx.params, "userId"));
  auto holder = CardHolderStore(ctx.scope.session, ctx.scope.factoryId).find(userId);
  if (!holder) throw sdk::Error(sdk::codes::kNoData, "用户 " + std::to_string(userId) + " 没有校园卡信息");
  return sdk::RouteResponse::ok(toJson(*holder));
}

sdk::RouteResponse putHolder(sdk::RouteContext& ctx) {
  const CardHolder holder = cardHolderFromJson(*ctx.params);
  requireUser(ctx.scope, holder.userId);
  CardHolderStore(ctx.scope.session, ctx.scope.factoryId).save(holder);
  return sdk::RouteResponse::ok(toJson(holder));
}

sdk::RouteResponse listRecords(sdk::RouteContext& ctx) {
  std::optional<std::int64_t> userId;
  if (p::has(*ctx.params, "userId")) userId = requireUser(ctx.scope, p::requirePositiveInt(*ctx.params, "userId"));
  const auto window = p::offsetWindow(*ctx.params);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& r : RecordStore(ctx.scope.session, ctx.scope.factoryId).list(userId, window.offset, window.limit)) {
    list->add(toJson(r));
  }
  return sdk::RouteResponse::ok(list);
}

// What admins see each resource as, in the console and the module list.
std::string titleOf(const std::string& path) {
  if (path == "/settings") return "校园卡项目设置";
  if (path == "/packages") return "付费套餐";
  if (path == "/holders") return "持卡人";
  return "开通记录";
}

sdk::Route adminRoute(const std::string& method, const std::string& path, bool writes,
                      sdk::RouteResponse (*handler)(sdk::RouteContext&)) {
  return sdk::Route(method, path, sdk::Audience::Admin, writes, handler, titleOf(path));
}

}  // namespace

std::vector<sdk::Route> adminRoutes() {
  return {adminRoute("GET", "/settings", false, getSettings),   adminRoute("PUT", "/settings", true, putSettings),
          adminRoute("GET", "/packages", false, listPackages),  adminRoute("PUT", "/packages", true, putPackage),
          adminRoute("DELETE", "/packages", true, deletePackage), adminRoute("GET", "/holders", false, getHolder),
          adminRoute("PUT", "/holders", true, putHolder),       adminRoute("GET", "/records", false, listRecords)};
}

}  // namespace paynext::plugins::campus
