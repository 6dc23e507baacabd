#include "admin_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "dish_request.h"
#include "dish_store.h"
#include "order_store.h"
#include "table_request.h"
#include "table_store.h"

namespace paynext::plugins::catering {

namespace p = sdk::params;

namespace {

DishStore dishStore(sdk::RouteContext& ctx) { return DishStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock); }
TableStore tableStore(sdk::RouteContext& ctx) {
  return TableStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
}

sdk::Error notFound(const std::string& what, std::int64_t id) {
  return sdk::Error(sdk::codes::kNoData, what + " " + std::to_string(id) + " 不存在");
}

// GET of a resource: the one record when `id` is given (404 when unknown), else a window of the list.
template <typename Find, typename List>
sdk::RouteResponse oneOrList(sdk::RouteContext& ctx, const std::string& what, Find find, List list) {
  if (p::has(*ctx.params, "id")) {
    const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
    const auto record = find(id);
    if (!record) throw notFound(what, id);
    return sdk::RouteResponse::ok(toAdminJson(*record));
  }
  const auto w = p::offsetWindow(*ctx.params);
  Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
  for (const auto& record : list(w)) out->add(toAdminJson(record));
  return sdk::RouteResponse::ok(out);
}

sdk::RouteResponse listDishes(sdk::RouteContext& ctx) {
  auto store = dishStore(ctx);
  return oneOrList(ctx, "菜品", [&](std::int64_t id) { return store.find(id); },
                   [&](const p::Window& w) { return store.list(false, w.offset, w.limit); });
}

sdk::RouteResponse createDish(sdk::RouteContext& ctx) {
  return sdk::RouteResponse::ok(toAdminJson(dishStore(ctx).create(dishFromParams(*ctx.params, false))));
}

sdk::RouteResponse replaceDish(sdk::RouteContext& ctx) {
  Dish dish = dishFromParams(*ctx.params, true);
  if (!dishStore(ctx).update(dish)) throw notFound("菜品", dish.id);
  return sdk::RouteResponse::ok(toAdminJson(dish));
}

sdk::RouteResponse listTables(sdk::RouteContext& ctx) {
  auto store = tableStore(ctx);
  return oneOrList(ctx, "餐桌", [&](std::int64_t id) { return store.find(id); },
                   [&](const p::Window& w) { return store.list(w.offset, w.limit); });
}

sdk::RouteResponse createTable(sdk::RouteContext& ctx) {
  return sdk::RouteResponse::ok(toAdminJson(tableStore(ctx).create(tableFromParams(*ctx.params, false))));
}

sdk::RouteResponse replaceTable(sdk::RouteContext& ctx) {
  DiningTable table = tableFromParams(*ctx.params, true);
  if (!tableStore(ctx).update(table)) throw notFound("餐桌", table.id);
  return sdk::RouteResponse::ok(toAdminJson(table));
}

sdk::RouteResponse listOrders(sdk::RouteContext& ctx) {
  OrderStore store(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  std::int64_t userId = 0;
  std::string status;
  if (!p::has(*ctx.params, "id")) {
    userId = p::optionalUser(*ctx.params, "userId", ctx.scope.users);
    status = statusFilter(*ctx.params);
  }
  return oneOrList(ctx, "点餐订单", [&](std::int64_t id) { return store.find(id); },
                   [&](const p::Window& w) { return store.list(userId, status, w.offset, w.limit); });
}

sdk::Route adminRoute(const std::string& method, const std::string& path, bool writes,
                      sdk::RouteResponse (*handler)(sdk::RouteContext&), const std::string& title) {
  return sdk::Route(method, path, sdk::Audience::Admin, writes, handler, title);
}

}  // namespace

std::vector<sdk::Route> adminRoutes() {
  // One path per resource, so the console shows each as one section (it GETs every path without params).
  return {adminRoute("GET", "/dishes", false, listDishes, "菜品"),
          adminRoute("POST", "/dishes", true, createDish, "菜品"),
          adminRoute("PUT", "/dishes", true, replaceDish, "菜品"),
          adminRoute("GET", "/tables", false, listTables, "餐桌"),
          adminRoute("POST", "/tables", true, createTable, "餐桌"),
          adminRoute("PUT", "/tables", true, replaceTable, "餐桌"),
          adminRoute("GET", "/orders", false, listOrders, "点餐订单")};
}

}  // namespace paynext::plugins::catering
