#include "admin_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/china_time.h"
#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "bill_store.h"
#include "shop_request.h"
#include "shop_store.h"

namespace paynext::plugins::shopbill {

namespace p = sdk::params;

namespace {


ShopStore shops(sdk::RouteContext& ctx) { return ShopStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock); }
BillStore bills(sdk::RouteContext& ctx) { return BillStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock); }

sdk::Error shopNotFound(std::int64_t id) { return sdk::Error(sdk::codes::kNoData, "门店 " + std::to_string(id) + " 不存在"); }

// A shop filter: 0 for none; a shop of another factory is not found.
std::int64_t shopFilter(sdk::RouteContext& ctx) {
  if (!p::has(*ctx.params, "shopId")) return 0;
  const std::int64_t id = p::requirePositiveInt(*ctx.params, "shopId");
  if (!shops(ctx).find(id)) throw shopNotFound(id);
  return id;
}

sdk::RouteResponse listShops(sdk::RouteContext& ctx) {
  const std::int64_t now = ctx.scope.clock.nowMs();
  if (p::has(*ctx.params, "id")) {
    const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
    const auto shop = shops(ctx).find(id);
    if (!shop) throw shopNotFound(id);
    return sdk::RouteResponse::ok(toAdminJson(*shop, now));
  }
  const auto w = p::offsetWindow(*ctx.params);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& shop : shops(ctx).list(false, w.offset, w.limit)) list->add(toAdminJson(shop, now));
  return sdk::RouteResponse::ok(list);
}

sdk::RouteResponse createShop(sdk::RouteContext& ctx) {
  return sdk::RouteResponse::ok(toAdminJson(shops(ctx).create(shopFromParams(*ctx.params, false)), ctx.scope.clock.nowMs()));
}

sdk::RouteResponse replaceShop(sdk::RouteContext& ctx) {
  Shop shop = shopFromParams(*ctx.params, true);
  if (!shops(ctx).update(shop)) throw shopNotFound(shop.id);
  return sdk::RouteResponse::ok(toAdminJson(shop, ctx.scope.clock.nowMs()));
}

sdk::RouteResponse listBills(sdk::RouteContext& ctx) {
  if (p::has(*ctx.params, "id")) {
    const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
    const auto bill = bills(ctx).find(id);
    if (!bill) throw sdk::Error(sdk::codes::kNoData, "买单记录 " + std::to_string(id) + " 不存在");
    return sdk::RouteResponse::ok(toAdminJson(*bill));
  }
  const std::int64_t shopId = shopFilter(ctx);
  std::int64_t userId = p::optionalUser(*ctx.params, "userId", ctx.scope.users);
  const auto w = p::offsetWindow(*ctx.params);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& bill : bills(ctx).list(shopId, userId, w.offset, w.limit)) list->add(toAdminJson(bill));
  return sdk::RouteResponse::ok(list);
}

// A China date "yyyy-MM-dd" as given, checked; "" when absent.
std::string day(const Poco::JSON::Object& params, const std::string& name) {
  const auto text = p::optionalString(params, name).value_or("");
  if (!text.empty() && (text.size() != 10 || !sdk::parseChinaTime(text))) throw p::invalid(name, "yyyy-MM-dd 格式的日期");
  return text;
}

sdk::RouteResponse listTotals(sdk::RouteContext& ctx) {
  const std::int64_t shopId = shopFilter(ctx);
  const std::string from = day(*ctx.params, "dateFrom"), to = day(*ctx.params, "dateTo");
  const std::string per = p::optionalString(*ctx.params, "per").value_or("day");
  if (per != "day" && per != "shop") throw p::invalid("per", "day(按门店按天)或 shop(按门店)");
  const auto w = p::offsetWindow(*ctx.params);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& t : bills(ctx).totals(shopId, from, to, per == "day", w.offset, w.limit)) list->add(toJson(t));
  return sdk::RouteResponse::ok(list);
}

// What admins see each resource as, in the console's 模块设置.
std::string titleOf(const std::string& path) {
  return path == "/shops" ? "门店与优惠规则" : path == "/bills" ? "买单记录" : "买单统计";
}

sdk::Route adminRoute(const std::string& method, const std::string& path, bool writes,
                      sdk::RouteResponse (*handler)(sdk::RouteContext&)) {
  return sdk::Route(method, path, sdk::Audience::Admin, writes, handler, titleOf(path));
}

}  // namespace

std::vector<sdk::Route> adminRoutes() {
  // One path per resource, so the console shows each as one section (it GETs every path without params).
  return {adminRoute("GET", "/shops", false, listShops), adminRoute("POST", "/shops", true, createShop),
          adminRoute("PUT", "/shops", true, replaceShop), adminRoute("GET", "/bills", false, listBills),
          adminRoute("GET", "/totals", false, listTotals)};
}

}  // namespace paynext::plugins::shopbill
