#include "admin_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "item_request.h"
#include "item_store.h"
#include "purchase_store.h"

namespace paynext::plugins::knowledge {

namespace p = sdk::params;

namespace {


std::pair<int, int> window(const Poco::JSON::Object& params) {
  const auto w = p::offsetWindow(params);
  return {w.offset, w.limit};
}

ItemStore itemStore(sdk::RouteContext& ctx) {
  return ItemStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
}

sdk::RouteResponse getItem(sdk::RouteContext& ctx);

sdk::RouteResponse listItems(sdk::RouteContext& ctx) {
  if (p::has(*ctx.params, "id")) return getItem(ctx);
  const auto [offset, limit] = window(*ctx.params);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& item : itemStore(ctx).list(false, offset, limit)) list->add(toAdminJson(item));
  return sdk::RouteResponse::ok(list);
}

sdk::RouteResponse createItem(sdk::RouteContext& ctx) {
  return sdk::RouteResponse::ok(toAdminJson(itemStore(ctx).create(itemFromParams(*ctx.params, false))));
}

sdk::RouteResponse replaceItem(sdk::RouteContext& ctx) {
  Item item = itemFromParams(*ctx.params, true);
  if (!itemStore(ctx).update(item)) {
    throw sdk::Error(sdk::codes::kNoData, "知识付费内容 " + std::to_string(item.id) + " 不存在");
  }
  return sdk::RouteResponse::ok(toAdminJson(item));
}

sdk::RouteResponse getItem(sdk::RouteContext& ctx) {
  const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
  const auto item = itemStore(ctx).find(id);
  if (!item) throw sdk::Error(sdk::codes::kNoData, "知识付费内容 " + std::to_string(id) + " 不存在");
  return sdk::RouteResponse::ok(toAdminJson(*item));
}

sdk::RouteResponse getPurchase(sdk::RouteContext& ctx);

sdk::RouteResponse listPurchases(sdk::RouteContext& ctx) {
  if (p::has(*ctx.params, "id")) return getPurchase(ctx);
  std::int64_t userId = p::optionalUser(*ctx.params, "userId", ctx.scope.users);
  const std::string status = p::optionalString(*ctx.params, "status").value_or("");
  if (!status.empty() && status != kPending && status != kPaid) throw p::invalid("status", "PENDING 或 PAID");
  const auto [offset, limit] = window(*ctx.params);
  PurchaseStore store(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& purchase : store.list(userId, status, offset, limit)) list->add(toAdminJson(purchase));
  return sdk::RouteResponse::ok(list);
}

sdk::RouteResponse getPurchase(sdk::RouteContext& ctx) {
  const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
  const auto purchase = PurchaseStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).find(id);
  if (!purchase) throw sdk::Error(sdk::codes::kNoData, "知识付费订单 " + std::to_string(id) + " 不存在");
  return sdk::RouteResponse::ok(toAdminJson(*purchase));
}

// What admins see each resource as, in the console's 模块设置.
std::string titleOf(const std::string& path) { return path == "/items" ? "知识付费内容" : "知识付费订单"; }

sdk::Route adminRoute(const std::string& method, const std::string& path, bool writes,
                      sdk::RouteResponse (*handler)(sdk::RouteContext&)) {
  return sdk::Route(method, path, sdk::Audience::Admin, writes, handler, titleOf(path));
}

}  // namespace

std::vector<sdk::Route> adminRoutes() {
  // One path per resource, so the console shows each as one section (it GETs every path without params).
  return {adminRoute("GET", "/items", false, listItems), adminRoute("POST", "/items", true, createItem),
          adminRoute("PUT", "/items", true, replaceItem), adminRoute("GET", "/purchases", false, listPurchases)};
}

}  // namespace paynext::plugins::knowledge
