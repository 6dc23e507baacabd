#include "buy_pulls_handler.h"

#include "paynext/sdk/errors.h"

#include "pull_request.h"
#include "pull_store.h"
#include "settings_store.h"

namespace paynext::plugins::blindbox {

namespace {

const std::string kReason = "购买交友盲盒抽取次数";

}  // namespace

sdk::Fen BuyPullsHandler::validate(sdk::ValidateContext& ctx) {
  const Settings settings = SettingsStore(ctx.scope.session, ctx.scope.factoryId).findOrDefault();
  return pullTimesOf(*ctx.params, settings) * settings.pullPrice;
}

sdk::StepResult BuyPullsHandler::execute(sdk::ExecuteContext& ctx) {
  PullStore pulls(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  // A repeated step finds its purchase and changes nothing.
  if (pulls.bought(ctx.idempotencyKey)) return sdk::StepResult::done();
  sdk::Fen amount = 0;
  try {
    // The settings may have changed since validate: price and limit as they are now.
    const Settings settings = SettingsStore(ctx.scope.session, ctx.scope.factoryId).findOrDefault();
    const std::int64_t times = pullTimesOf(*ctx.params, settings);
    amount = times * settings.pullPrice;
    ctx.ledger.debit(amount, kReason, ctx.idempotencyKey);
    pulls.buy(ctx.scope.userId, times, amount, ctx.idempotencyKey);
    Poco::JSON::Object::Ptr result = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    result->set("pullTimes", times);
    result->set("amount", sdk::yuanNumber(amount));
    result->set("pullsLeft", pulls.left(ctx.scope.userId));
    return sdk::StepResult::done(result);
  } catch (const sdk::InsufficientFunds&) {
    return sdk::StepResult::fail("余额不足,购买盲盒抽取次数需要 " + sdk::formatYuan(amount) + " 元");
  } catch (const sdk::Error& e) {
    return sdk::StepResult::fail(e.what());
  }
}

}  // namespace paynext::plugins::blindbox
