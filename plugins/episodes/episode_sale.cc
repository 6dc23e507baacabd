#include "episode_sale.h"

#include "paynext/sdk/errors.h"

#include "goods_store.h"
#include "unlock_store.h"

namespace paynext::plugins::episodes {

EpisodeSale EpisodeSale::check(sdk::Scope& scope, std::int64_t goodsId, std::int64_t number) {
  auto goods = GoodsStore(scope.session, scope.factoryId, scope.clock).find(goodsId);
  if (!goods) throw sdk::Error(sdk::codes::kNoData, goodsNotFound(goodsId));
  const auto refuse = [](const std::string& msg) { return sdk::Error(sdk::codes::kBadRequest, msg); };
  if (!goods->onSale) throw refuse(goods->offSaleMessage());
  if (!goods->has(number)) throw refuse(goods->noEpisodeMessage(number));
  if (goods->isFree(number)) throw refuse(goods->episodeName(number) + "免费观看,无需购买");
  if (UnlockStore(scope.session, scope.factoryId, scope.clock).unlocked(scope.userId, goodsId, number)) {
    throw refuse(goods->episodeName(number) + "已解锁,不能重复购买");
  }
  return EpisodeSale{*goods, number};
}

}  // namespace paynext::plugins::episodes
