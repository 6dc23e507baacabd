#include "user_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "goods_store.h"
#include "unlock_store.h"

namespace paynext::plugins::episodes {

namespace p = sdk::params;

namespace {

sdk::RouteResponse listGoods(sdk::RouteContext& ctx) {
  const auto page = p::pageWindow(*ctx.params);
  UnlockStore unlocks(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  const auto list = GoodsStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).list(true, page.offset,
                                                                                               page.limit);
  if (list.empty()) return sdk::RouteResponse::noData();
  Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
  for (const auto& goods : list) out->add(toUserJson(goods, unlocks.numbers(ctx.scope.userId, goods.id)));
  return sdk::RouteResponse::ok(out);
}

sdk::RouteResponse goodsDetail(sdk::RouteContext& ctx) {
  const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
  const auto goods = GoodsStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).find(id);
  if (!goods) throw sdk::Error(sdk::codes::kNoData, goodsNotFound(id));
  const auto mine = UnlockStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).numbers(ctx.scope.userId, id);
  // What a user paid for stays listed when the goods goes off sale.
  if (!goods->onSale && mine.empty()) throw sdk::Error(sdk::codes::kBadRequest, goods->offSaleMessage());
  return sdk::RouteResponse::ok(toUserJson(*goods, mine));
}

sdk::RouteResponse play(sdk::RouteContext& ctx) {
  const std::int64_t goodsId = p::requirePositiveInt(*ctx.params, "goodsId");
  const std::int64_t number = p::requirePositiveInt(*ctx.params, "number");
  const auto goods = GoodsStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).find(goodsId);
  if (!goods) throw sdk::Error(sdk::codes::kNoData, goodsNotFound(goodsId));
  if (!goods->has(number)) throw sdk::Error(sdk::codes::kBadRequest, goods->noEpisodeMessage(number));
  const bool unlocked =
      UnlockStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).unlocked(ctx.scope.userId, goodsId, number);
  // An unlocked episode stays playable when the goods goes off sale; a free one does not.
  if (!unlocked && !goods->onSale) throw sdk::Error(sdk::codes::kBadRequest, goods->offSaleMessage());
  if (!unlocked && !goods->isFree(number)) {
    throw sdk::Error(sdk::codes::kBadRequest, goods->episodeName(number) + "需购买后观看,价格 " +
                                                  sdk::formatYuan(goods->price) + " 元");
  }
  Poco::JSON::Object::Ptr out = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  out->set("goodsId", goodsId);
  out->set("name", goods->name);
  out->set("number", number);
  out->set("url", goods->urls[static_cast<std::size_t>(number - 1)]);
  return sdk::RouteResponse::ok(out);
}

sdk::RouteResponse listUnlocked(sdk::RouteContext& ctx) {
  const auto page = p::pageWindow(*ctx.params);
  const std::int64_t goodsId = p::has(*ctx.params, "goodsId") ? p::requirePositiveInt(*ctx.params, "goodsId") : 0;
  const auto list = UnlockStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock)
                        .list(ctx.scope.userId, goodsId, page.offset, page.limit);
  if (list.empty()) return sdk::RouteResponse::noData();
  Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
  for (const auto& unlock : list) out->add(toJson(unlock));
  return sdk::RouteResponse::ok(out);
}

sdk::Route route(const std::string& path, sdk::RouteResponse (*handler)(sdk::RouteContext&)) {
  return sdk::Route("*", path, sdk::Audience::User, false, handler);
}

}  // namespace

std::vector<sdk::Route> userRoutes() {
  return {route("/episodes/goods", listGoods), route("/episodes/detail", goodsDetail), route("/episodes/play", play),
          route("/episodes/unlocked", listUnlocked)};
}

}  // namespace paynext::plugins::episodes
