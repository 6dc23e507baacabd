#include "admin_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "goods_request.h"
#include "goods_store.h"
#include "unlock_store.h"

namespace paynext::plugins::episodes {

namespace p = sdk::params;

namespace {

GoodsStore goodsStore(sdk::RouteContext& ctx) {
  return GoodsStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
}

UnlockStore unlockStore(sdk::RouteContext& ctx) {
  return UnlockStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
}

sdk::RouteResponse listGoods(sdk::RouteContext& ctx) {
  if (p::has(*ctx.params, "id")) {
    const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
    const auto goods = goodsStore(ctx).find(id);
    if (!goods) throw sdk::Error(sdk::codes::kNoData, goodsNotFound(id));
    return sdk::RouteResponse::ok(toAdminJson(*goods));
  }
  const auto window = p::offsetWindow(*ctx.params);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& goods : goodsStore(ctx).list(false, window.offset, window.limit)) list->add(toAdminJson(goods));
  return sdk::RouteResponse::ok(list);
}

sdk::RouteResponse createGoods(sdk::RouteContext& ctx) {
  return sdk::RouteResponse::ok(toAdminJson(goodsStore(ctx).create(goodsFromParams(*ctx.params, false))));
}

sdk::RouteResponse replaceGoods(sdk::RouteContext& ctx) {
  Goods goods = goodsFromParams(*ctx.params, true);
  if (!goodsStore(ctx).update(goods)) throw sdk::Error(sdk::codes::kNoData, goodsNotFound(goods.id));
  return sdk::RouteResponse::ok(toAdminJson(goods));
}

// A positive id filter, or 0 for none.
std::int64_t filter(const Poco::JSON::Object& params, const std::string& name) {
  return p::has(params, name) ? p::requirePositiveInt(params, name) : 0;
}

sdk::RouteResponse listUnlocks(sdk::RouteContext& ctx) {
  if (p::has(*ctx.params, "id")) {
    const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
    const auto unlock = unlockStore(ctx).find(id);
    if (!unlock) throw sdk::Error(sdk::codes::kNoData, "剧集解锁记录 " + std::to_string(id) + " 不存在");
    return sdk::RouteResponse::ok(toAdminJson(*unlock));
  }
  const std::int64_t userId = p::optionalUser(*ctx.params, "userId", ctx.scope.users);
  const std::int64_t goodsId = filter(*ctx.params, "goodsId");
  const auto window = p::offsetWindow(*ctx.params);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& unlock : unlockStore(ctx).list(userId, goodsId, window.offset, window.limit)) {
    list->add(toAdminJson(unlock));
  }
  return sdk::RouteResponse::ok(list);
}

sdk::Route adminRoute(const std::string& method, const std::string& path, bool writes,
                      sdk::RouteResponse (*handler)(sdk::RouteContext&)) {
  // What admins see each resource as, in the console's 模块设置.
  return sdk::Route(method, path, sdk::Audience::Admin, writes, handler,
                    path == "/goods" ? "视频剧集商品" : "剧集解锁记录");
}

}  // namespace

std::vector<sdk::Route> adminRoutes() {
  // One path per resource, so the console shows each as one section (it GETs every path without params).
  return {adminRoute("GET", "/goods", false, listGoods), adminRoute("POST", "/goods", true, createGoods),
          adminRoute("PUT", "/goods", true, replaceGoods), adminRoute("GET", "/unlocks", false, listUnlocks)};
}

}  // namespace paynext::plugins::episodes
