#include "publish_box_handler.h"

#include "paynext/sdk/errors.h"

#include "box_request.h"
#include "box_store.h"
#include "settings_store.h"

namespace paynext::plugins::blindbox {

namespace {

const std::string kReason = "投放交友盲盒";

// The caller's box `id`, still pending and not past its time; throws the refusal otherwise.
Box payableBox(BoxStore& boxes, const Settings& settings, const sdk::Scope& scope, std::int64_t id) {
  const std::int64_t userId = scope.userId;
  const std::string name = "盲盒 " + std::to_string(id);
  const auto box = boxes.find(id);
  // Someone else's box is as unknown to the caller as a missing one.
  if (!box || box->userId != userId) throw sdk::Error(sdk::codes::kNoData, name + " 不存在");
  if (box->status == kPublished) throw sdk::Error(sdk::codes::kBadRequest, name + " 已投放");
  // Past its time counts as expired even before the job marks it.
  const bool late = box->createdAt <= settings.expiredAtOrBefore(scope.clock.nowMs());
  if (box->status == kExpired || late) throw sdk::Error(sdk::codes::kBadRequest, name + " 已过期未支付,请重新创建");
  return *box;
}

}  // namespace

sdk::Fen PublishBoxHandler::validate(sdk::ValidateContext& ctx) {
  const std::int64_t id = publishBoxId(*ctx.params);
  BoxStore boxes(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  const Settings settings = SettingsStore(ctx.scope.session, ctx.scope.factoryId).findOrDefault();
  payableBox(boxes, settings, ctx.scope, id);
  return settings.boxPrice;
}

sdk::StepResult PublishBoxHandler::execute(sdk::ExecuteContext& ctx) {
  BoxStore boxes(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  sdk::Fen price = 0;
  try {
    const std::int64_t id = publishBoxId(*ctx.params);
    // A repeated step finds the box published under its own key and changes nothing.
    const auto existing = boxes.find(id);
    if (existing && existing->userId == ctx.scope.userId && existing->status == kPublished &&
        existing->paidReference == ctx.idempotencyKey) {
      return sdk::StepResult::done();
    }
    const Settings settings = SettingsStore(ctx.scope.session, ctx.scope.factoryId).findOrDefault();
    const Box box = payableBox(boxes, settings, ctx.scope, id);
    price = settings.boxPrice;
    ctx.ledger.debit(price, kReason, ctx.idempotencyKey);
    if (!boxes.markPublished(box.id, price, ctx.idempotencyKey)) {
      return sdk::StepResult::fail("盲盒 " + std::to_string(id) + " 已投放");
    }
    Poco::JSON::Object::Ptr result = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    result->set("boxId", id);
    result->set("amount", sdk::yuanNumber(price));
    return sdk::StepResult::done(result);
  } catch (const sdk::InsufficientFunds&) {
    return sdk::StepResult::fail("余额不足,投放盲盒需要 " + sdk::formatYuan(price) + " 元");
  } catch (const sdk::Error& e) {
    return sdk::StepResult::fail(e.what());
  }
}

}  // namespace paynext::plugins::blindbox
