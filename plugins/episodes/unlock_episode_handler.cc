#include "unlock_episode_handler.h"

#include "paynext/sdk/errors.h"

#include "episode_sale.h"
#include "unlock_request.h"
#include "unlock_store.h"

namespace paynext::plugins::episodes {

namespace {

const std::string kReason = "解锁视频剧集";

Poco::JSON::Object::Ptr details(const Unlock& unlock) {
  Poco::JSON::Object::Ptr result = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  result->set("goodsId", unlock.goodsId);
  result->set("number", unlock.number);
  result->set("amount", sdk::yuanNumber(unlock.amount));
  return result;
}

}  // namespace

sdk::Fen UnlockEpisodeHandler::validate(sdk::ValidateContext& ctx) {
  const auto request = UnlockRequest::parse(*ctx.params);
  return EpisodeSale::check(ctx.scope, request.goodsId, request.number).price();
}

sdk::StepResult UnlockEpisodeHandler::execute(sdk::ExecuteContext& ctx) {
  UnlockStore unlocks(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  // A repeated step finds its own unlock and changes nothing.
  if (const auto done = unlocks.findByReference(ctx.idempotencyKey)) return sdk::StepResult::done(details(*done));
  try {
    // The episode may have been unlocked by another payment, the goods taken
    // off sale or repriced, or the wallet spent since validate: check again.
    const auto request = UnlockRequest::parse(*ctx.params);
    const auto sale = EpisodeSale::check(ctx.scope, request.goodsId, request.number);
    const Unlock unlock{0, ctx.scope.userId, request.goodsId, request.number, sale.goods.name, sale.price(),
                        ctx.idempotencyKey, 0};
    if (!unlocks.add(unlock)) {
      return sdk::StepResult::fail(sale.goods.episodeName(request.number) + "已解锁,不能重复购买");
    }
    try {
      ctx.ledger.debit(sale.price(), kReason, "episodes:" + ctx.idempotencyKey);
    } catch (const sdk::InsufficientFunds&) {
      // Fail rolls the unlock back with the step.
      return sdk::StepResult::fail("余额不足,解锁" + sale.goods.episodeName(request.number) + "需要 " +
                                   sdk::formatYuan(sale.price()) + " 元");
    }
    return sdk::StepResult::done(details(unlock));
  } catch (const sdk::Error& e) {
    return sdk::StepResult::fail(e.what());
  }
}

}  // namespace paynext::plugins::episodes
