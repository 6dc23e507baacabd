#include "admin_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "catalog_store.h"
#include "member_store.h"
#include "paging.h"

namespace paynext::plugins::membership {

namespace p = sdk::params;

namespace {

constexpr std::size_t kMaxNameBytes = 64;
constexpr std::size_t kMaxDescriptionBytes = 255;
constexpr std::int64_t kMaxDays = 36600;


Level levelFrom(const Poco::JSON::Object& params) {
  Level level;
  level.name = p::requireText(params, "name", kMaxNameBytes);
  level.description = p::optionalText(params, "description", kMaxDescriptionBytes);
  return level;
}

PriceItem priceFrom(sdk::RouteContext& ctx) {
  const auto& params = *ctx.params;
  PriceItem item;
  item.levelId = p::requirePositiveInt(params, "levelId");
  item.days = p::requirePositiveInt(params, "days");
  if (item.days > kMaxDays) throw p::invalid("days", "1 到 36600 之间的整数");
  item.price = p::requireMoney(params, "price");
  if (item.price <= 0) throw p::invalid("price", "大于 0 的金额");
  item.autoRenew = p::optionalBool(params, "autoRenew").value_or(false);
  item.enabled = p::optionalBool(params, "enabled").value_or(true);
  CatalogStore catalog(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  if (!catalog.findLevel(item.levelId)) {
    throw sdk::Error(sdk::codes::kNoData, "会员等级 " + std::to_string(item.levelId) + " 不存在");
  }
  return item;
}

std::optional<std::int64_t> userFilter(sdk::RouteContext& ctx) {
  const std::int64_t userId = p::optionalUser(*ctx.params, "userId", ctx.scope.users);
  if (!userId) return std::nullopt;
  return userId;
}

CatalogStore catalogOf(sdk::RouteContext& ctx) { return CatalogStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock); }
MemberStore membersOf(sdk::RouteContext& ctx) { return MemberStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock); }

template <typename T>
Poco::JSON::Array::Ptr arrayOf(const std::vector<T>& rows) {
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& row : rows) list->add(toJson(row));
  return list;
}

sdk::RouteResponse listLevels(sdk::RouteContext& ctx) { return sdk::RouteResponse::ok(arrayOf(catalogOf(ctx).levels())); }

sdk::RouteResponse createLevel(sdk::RouteContext& ctx) {
  return sdk::RouteResponse::ok(toJson(catalogOf(ctx).createLevel(levelFrom(*ctx.params))));
}

sdk::RouteResponse updateLevel(sdk::RouteContext& ctx) {
  Level level = levelFrom(*ctx.params);
  level.id = p::requirePositiveInt(*ctx.params, "id");
  auto catalog = catalogOf(ctx);
  if (!catalog.updateLevel(level)) {
    throw sdk::Error(sdk::codes::kNoData, "会员等级 " + std::to_string(level.id) + " 不存在");
  }
  return sdk::RouteResponse::ok(toJson(*catalog.findLevel(level.id)));
}

sdk::RouteResponse listPrices(sdk::RouteContext& ctx) {
  std::optional<std::int64_t> levelId;
  if (p::has(*ctx.params, "levelId")) levelId = p::requirePositiveInt(*ctx.params, "levelId");
  return sdk::RouteResponse::ok(arrayOf(catalogOf(ctx).prices(levelId)));
}

sdk::RouteResponse createPrice(sdk::RouteContext& ctx) { return sdk::RouteResponse::ok(toJson(catalogOf(ctx).createPrice(priceFrom(ctx)))); }

sdk::RouteResponse updatePrice(sdk::RouteContext& ctx) {
  const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
  PriceItem item = priceFrom(ctx);
  item.id = id;
  auto catalog = catalogOf(ctx);
  if (!catalog.updatePrice(item)) throw sdk::Error(sdk::codes::kNoData, "会员价格项 " + std::to_string(id) + " 不存在");
  return sdk::RouteResponse::ok(toJson(*catalog.findPrice(id)));
}

sdk::RouteResponse listMembers(sdk::RouteContext& ctx) {
  const auto userId = userFilter(ctx);
  const auto [offset, limit] = pageOf(*ctx.params);
  auto catalog = catalogOf(ctx);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& m : membersOf(ctx).members(userId, offset, limit)) {
    const auto level = catalog.findLevel(m.levelId);
    list->add(toJson(m, level ? level->name : "", ctx.scope.clock.nowMs()));
  }
  return sdk::RouteResponse::ok(list);
}

sdk::RouteResponse listPurchases(sdk::RouteContext& ctx) {
  const auto userId = userFilter(ctx);
  const auto [offset, limit] = pageOf(*ctx.params);
  return sdk::RouteResponse::ok(arrayOf(membersOf(ctx).purchases(userId, offset, limit)));
}

sdk::RouteResponse listRenewals(sdk::RouteContext& ctx) {
  const auto userId = userFilter(ctx);
  const auto [offset, limit] = pageOf(*ctx.params);
  return sdk::RouteResponse::ok(arrayOf(membersOf(ctx).renewals(userId, offset, limit)));
}

// What admins see each resource as, under 模块设置 in the console.
std::string titleOf(const std::string& path) {
  if (path == "/levels") return "会员等级";
  if (path == "/prices") return "等级价格";
  if (path == "/members") return "会员";
  if (path == "/purchases") return "购买记录";
  return "续费记录";
}

sdk::Route adminRoute(const std::string& method, const std::string& path, bool writes,
                      sdk::RouteResponse (*handler)(sdk::RouteContext&)) {
  return sdk::Route(method, path, sdk::Audience::Admin, writes, handler, titleOf(path));
}

}  // namespace

std::vector<sdk::Route> adminRoutes() {
  return {adminRoute("GET", "/levels", false, listLevels),      adminRoute("POST", "/levels", true, createLevel),
          adminRoute("PUT", "/levels", true, updateLevel),      adminRoute("GET", "/prices", false, listPrices),
          adminRoute("POST", "/prices", true, createPrice),     adminRoute("PUT", "/prices", true, updatePrice),
          adminRoute("GET", "/members", false, listMembers),    adminRoute("GET", "/purchases", false, listPurchases),
          adminRoute("GET", "/renewals", false, listRenewals)};
}

}  // namespace paynext::plugins::membership
