#include "admin_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "organization_store.h"
#include "organization_view.h"
#include "price_store.h"

namespace paynext::plugins::organizations {

namespace p = sdk::params;

namespace {

constexpr std::size_t kMaxItemNameBytes = 64;
constexpr std::int64_t kMaxMemberCap = 100000;
constexpr std::int64_t kMaxDays = 36600;

PriceStore pricesOf(sdk::RouteContext& ctx) { return PriceStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock); }
OrganizationStore orgsOf(sdk::RouteContext& ctx) {
  return OrganizationStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
}

sdk::Error itemNotFound(std::int64_t id) {
  return sdk::Error(sdk::codes::kNoData, "组织收费项 " + std::to_string(id) + " 不存在");
}

PriceItem itemFrom(const Poco::JSON::Object& params) {
  PriceItem item;
  item.name = p::requireText(params, "name", kMaxItemNameBytes);
  item.memberCap = p::requirePositiveInt(params, "memberCap");
  if (item.memberCap > kMaxMemberCap) throw p::invalid("memberCap", "1 到 100000 之间的整数");
  item.days = p::requirePositiveInt(params, "days");
  if (item.days > kMaxDays) throw p::invalid("days", "1 到 36600 之间的整数");
  item.price = p::requireMoney(params, "price");
  if (item.price <= 0) throw p::invalid("price", "大于 0 的金额");
  item.onSale = p::optionalBool(params, "onSale").value_or(true);
  return item;
}

sdk::RouteResponse listPrices(sdk::RouteContext& ctx) {
  if (p::has(*ctx.params, "id")) {
    const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
    const auto item = pricesOf(ctx).find(id);
    if (!item) throw itemNotFound(id);
    return sdk::RouteResponse::ok(toJson(*item));
  }
  const auto window = p::offsetWindow(*ctx.params);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& item : pricesOf(ctx).list(false, window.offset, window.limit)) list->add(toJson(item));
  return sdk::RouteResponse::ok(list);
}

sdk::RouteResponse createPrice(sdk::RouteContext& ctx) {
  return sdk::RouteResponse::ok(toJson(pricesOf(ctx).create(itemFrom(*ctx.params))));
}

sdk::RouteResponse updatePrice(sdk::RouteContext& ctx) {
  const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
  PriceItem item = itemFrom(*ctx.params);
  item.id = id;
  auto prices = pricesOf(ctx);
  // An organization keeps the cap it paid for: changing an item changes only later payments.
  if (!prices.update(item)) throw itemNotFound(id);
  return sdk::RouteResponse::ok(toJson(*prices.find(id)));
}

sdk::RouteResponse listOrganizations(sdk::RouteContext& ctx) {
  auto orgs = orgsOf(ctx);
  if (p::has(*ctx.params, "id")) {
    const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
    const auto org = orgs.find(id);
    if (!org) throw sdk::Error(sdk::codes::kNoData, "组织 " + std::to_string(id) + " 不存在");
    return sdk::RouteResponse::ok(withMembers(ctx.scope, orgs, *org));
  }
  std::int64_t ownerId = p::optionalUser(*ctx.params, "ownerId", ctx.scope.users);
  const auto window = p::offsetWindow(*ctx.params);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& org : orgs.list(ownerId, window.offset, window.limit)) list->add(withMembers(ctx.scope, orgs, org));
  return sdk::RouteResponse::ok(list);
}

sdk::RouteResponse listUpgrades(sdk::RouteContext& ctx) {
  std::int64_t orgId = 0;
  if (p::has(*ctx.params, "organizeId")) orgId = p::requirePositiveInt(*ctx.params, "organizeId");
  const auto window = p::offsetWindow(*ctx.params);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& u : orgsOf(ctx).upgrades(orgId, window.offset, window.limit)) list->add(toJson(u));
  return sdk::RouteResponse::ok(list);
}

sdk::Route adminRoute(const std::string& method, const std::string& path, bool writes,
                      sdk::RouteResponse (*handler)(sdk::RouteContext&), const std::string& title) {
  return sdk::Route(method, path, sdk::Audience::Admin, writes, handler, title);
}

}  // namespace

std::vector<sdk::Route> adminRoutes() {
  return {adminRoute("GET", "/prices", false, listPrices, "组织收费项"),
          adminRoute("POST", "/prices", true, createPrice, "组织收费项"),
          adminRoute("PUT", "/prices", true, updatePrice, "组织收费项"),
          adminRoute("GET", "/organizations", false, listOrganizations, "组织"),
          adminRoute("GET", "/upgrades", false, listUpgrades, "升级记录")};
}

}  // namespace paynext::plugins::organizations
