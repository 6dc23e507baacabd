#include "admin_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "image_store.h"
#include "purchase_store.h"
#include "settings_store.h"

namespace paynext::plugins::imagetrade {

namespace p = sdk::params;

namespace {

using Window = p::Window;

Window windowOf(const Poco::JSON::Object& params) { return p::offsetWindow(params); }



sdk::RouteResponse getSettings(sdk::RouteContext& ctx) {
  return sdk::RouteResponse::ok(toJson(SettingsStore(ctx.scope.session, ctx.scope.factoryId).findOrDefault()));
}

sdk::RouteResponse putSettings(sdk::RouteContext& ctx) {
  const Settings settings = settingsFromJson(*ctx.params);
  SettingsStore(ctx.scope.session, ctx.scope.factoryId).save(settings);
  return sdk::RouteResponse::ok(toJson(settings));
}

sdk::RouteResponse listImages(sdk::RouteContext& ctx) {
  const std::int64_t userId = p::optionalUser(*ctx.params, "userId", ctx.scope.users);
  const std::string status = p::optionalString(*ctx.params, "status").value_or("");
  if (!status.empty() && status != kOnSale && status != kSold) throw p::invalid("status", "ON_SALE 或 SOLD");
  const Window w = windowOf(*ctx.params);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& i : ImageStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock)
                           .list(status, userId, w.offset, w.limit)) {
    list->add(fullJson(i));
  }
  return sdk::RouteResponse::ok(list);
}

sdk::RouteResponse getImage(sdk::RouteContext& ctx) {
  const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
  auto image = ImageStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).find(id);
  if (!image) throw sdk::Error(sdk::codes::kNoData, "图片 " + std::to_string(id) + " 不存在");
  return sdk::RouteResponse::ok(fullJson(*image));
}

sdk::RouteResponse listPurchases(sdk::RouteContext& ctx) {
  const std::int64_t userId = p::optionalUser(*ctx.params, "userId", ctx.scope.users);
  const std::int64_t imageId = p::has(*ctx.params, "imageId") ? p::requirePositiveInt(*ctx.params, "imageId") : 0;
  const Window w = windowOf(*ctx.params);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& purchase : PurchaseStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock)
                                  .list(userId, imageId, w.offset, w.limit)) {
    list->add(toJson(purchase));
  }
  return sdk::RouteResponse::ok(list);
}

sdk::RouteResponse getPurchase(sdk::RouteContext& ctx) {
  const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
  auto purchase = PurchaseStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).find(id);
  if (!purchase) throw sdk::Error(sdk::codes::kNoData, "图片交易购买记录 " + std::to_string(id) + " 不存在");
  return sdk::RouteResponse::ok(toJson(*purchase));
}

// What admins see each resource as, under 模块设置 in the console.
std::string titleOf(const std::string& path) {
  if (path == "/settings") return "图片交易设置";
  if (path == "/images") return "出售的图片";
  if (path == "/image") return "图片详情";
  if (path == "/purchases") return "图片购买记录";
  return "购买记录详情";
}

sdk::Route adminRoute(const std::string& method, const std::string& path, bool writes,
                      sdk::RouteResponse (*handler)(sdk::RouteContext&)) {
  return sdk::Route(method, path, sdk::Audience::Admin, writes, handler, titleOf(path));
}

}  // namespace

std::vector<sdk::Route> adminRoutes() {
  return {adminRoute("GET", "/settings", false, getSettings), adminRoute("PUT", "/settings", true, putSettings),
          adminRoute("GET", "/images", false, listImages),    adminRoute("GET", "/image", false, getImage),
          adminRoute("GET", "/purchases", false, listPurchases), adminRoute("GET", "/purchase", false, getPurchase)};
}

}  // namespace paynext::plugins::imagetrade
