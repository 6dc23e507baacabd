#include "admin_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "add_bell_store.h"
#include "order_request.h"
#include "order_store.h"
#include "refusals.h"
#include "service_request.h"
#include "service_store.h"
#include "status_filter.h"

namespace paynext::plugins::addbell {

namespace p = sdk::params;

namespace {

std::string serviceNotFound(std::int64_t id) { return "服务项目 " + std::to_string(id) + " 不存在"; }

ServiceStore services(sdk::RouteContext& ctx) { return ServiceStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock); }
OrderStore orders(sdk::RouteContext& ctx) { return OrderStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock); }

sdk::RouteResponse getServices(sdk::RouteContext& ctx) {
  if (p::has(*ctx.params, "id")) {
    const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
    const auto service = services(ctx).find(id);
    if (!service) throw sdk::Error(sdk::codes::kNoData, serviceNotFound(id));
    return sdk::RouteResponse::ok(toJson(*service));
  }
  const auto w = p::offsetWindow(*ctx.params);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& s : services(ctx).list(w.offset, w.limit)) list->add(toJson(s));
  return sdk::RouteResponse::ok(list);
}

sdk::RouteResponse createService(sdk::RouteContext& ctx) {
  return sdk::RouteResponse::ok(toJson(services(ctx).create(serviceFromParams(*ctx.params, false))));
}

sdk::RouteResponse replaceService(sdk::RouteContext& ctx) {
  Service service = serviceFromParams(*ctx.params, true);
  if (!services(ctx).update(service)) throw sdk::Error(sdk::codes::kNoData, serviceNotFound(service.id));
  return sdk::RouteResponse::ok(toJson(service));
}

sdk::RouteResponse getOrders(sdk::RouteContext& ctx) {
  const std::int64_t now = ctx.scope.clock.nowMs();
  if (p::has(*ctx.params, "id")) {
    const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
    const auto order = orders(ctx).find(id);
    if (!order) throw sdk::Error(sdk::codes::kNoData, refusals::orderNotFound(id));
    return sdk::RouteResponse::ok(toAdminJson(*order, now));
  }
  const std::int64_t userId = p::optionalUser(*ctx.params, "userId", ctx.scope.users);
  const auto w = p::offsetWindow(*ctx.params);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& o : orders(ctx).list(userId, w.offset, w.limit)) list->add(toAdminJson(o, now));
  return sdk::RouteResponse::ok(list);
}

sdk::RouteResponse openOrder(sdk::RouteContext& ctx) {
  const Order order = orders(ctx).create(orderFromParams(*ctx.params, ctx.scope));
  return sdk::RouteResponse::ok(toAdminJson(order, ctx.scope.clock.nowMs()));
}

sdk::RouteResponse closeOrder(sdk::RouteContext& ctx) {
  const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
  OrderStore store = orders(ctx);
  if (!store.find(id)) throw sdk::Error(sdk::codes::kNoData, refusals::orderNotFound(id));
  if (!store.close(id)) throw sdk::Error(sdk::codes::kBadRequest, "服务订单 " + std::to_string(id) + " 已关闭");
  // Its unpaid add-bells cannot be paid any more: expire them now rather than at the job's next run.
  AddBellStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).expireFinished();
  return sdk::RouteResponse::ok(toAdminJson(*store.find(id), ctx.scope.clock.nowMs()));
}

sdk::RouteResponse getRecords(sdk::RouteContext& ctx) {
  AddBellStore records(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  if (p::has(*ctx.params, "id")) {
    const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
    const auto record = records.find(id);
    if (!record) throw sdk::Error(sdk::codes::kNoData, refusals::recordNotFound(id));
    return sdk::RouteResponse::ok(toAdminJson(*record));
  }
  const std::int64_t userId = p::optionalUser(*ctx.params, "userId", ctx.scope.users);
  const std::int64_t orderId = p::has(*ctx.params, "orderId") ? p::requirePositiveInt(*ctx.params, "orderId") : 0;
  const std::string status = recordStatusFilter(*ctx.params);
  const auto w = p::offsetWindow(*ctx.params);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& r : records.list(userId, orderId, status, w.offset, w.limit)) list->add(toAdminJson(r));
  return sdk::RouteResponse::ok(list);
}

// What admins see each resource as, in the console's 模块设置.
std::string titleOf(const std::string& path) {
  if (path == "/services") return "服务项目";
  return path == "/orders" ? "服务订单" : "加钟记录";
}

sdk::Route adminRoute(const std::string& method, const std::string& path, bool writes,
                      sdk::RouteResponse (*handler)(sdk::RouteContext&)) {
  return sdk::Route(method, path, sdk::Audience::Admin, writes, handler, titleOf(path));
}

}  // namespace

std::vector<sdk::Route> adminRoutes() {
  // One path per resource, so the console shows each as one section (it GETs every path without params).
  return {adminRoute("GET", "/services", false, getServices), adminRoute("POST", "/services", true, createService),
          adminRoute("PUT", "/services", true, replaceService), adminRoute("GET", "/orders", false, getOrders),
          adminRoute("POST", "/orders", true, openOrder),       adminRoute("PUT", "/orders", true, closeOrder),
          adminRoute("GET", "/records", false, getRecords)};
}

}  // namespace paynext::plugins::addbell
