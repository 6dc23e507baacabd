#include "pay_task_handler.h"

#include "paynext/sdk/errors.h"

#include "pay_request.h"
#include "payable_task.h"
#include "settings_store.h"

namespace paynext::plugins::errands {

namespace {

Poco::JSON::Object::Ptr details(const Task& task) {
  Poco::JSON::Object::Ptr result = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  result->set("taskId", task.id);
  result->set("fee", sdk::yuanNumber(task.fee));
  result->set("status", task.status);
  return result;
}

Task payable(sdk::Scope& scope, TaskStore& tasks, const Poco::JSON::Object& params) {
  const auto request = PayRequest::parse(params);
  const Settings settings = SettingsStore(scope.session, scope.factoryId, scope.clock).get();
  return payableTask(tasks, settings, scope.userId, request.taskId, scope.clock.nowMs());
}

}  // namespace

sdk::Fen PayTaskHandler::validate(sdk::ValidateContext& ctx) {
  TaskStore tasks(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  // The amount is the fee stored with the task, never what the payment carries.
  return payable(ctx.scope, tasks, *ctx.params).fee;
}

sdk::StepResult PayTaskHandler::execute(sdk::ExecuteContext& ctx) {
  const std::string reference = "errands:" + ctx.idempotencyKey;
  TaskStore tasks(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  if (auto done = tasks.findPaidBy(reference)) return sdk::StepResult::done(details(*done));

  Task task;
  try {
    task = payable(ctx.scope, tasks, *ctx.params);  // another payment may have published it meanwhile
  } catch (const sdk::Error& e) {
    return sdk::StepResult::fail(e.what());
  }
  try {
    ctx.ledger.debit(task.fee, "支付跑腿任务", reference);
  } catch (const sdk::InsufficientFunds&) {
    return sdk::StepResult::fail("余额不足,无法支付跑腿费 " + sdk::formatYuan(task.fee) + " 元");
  }
  if (!tasks.markPaid(task.id, reference)) {
    return sdk::StepResult::fail("跑腿任务 " + std::to_string(task.id) + " 已支付,不能重复支付");
  }
  return sdk::StepResult::done(details(*tasks.find(task.id)));
}

}  // namespace paynext::plugins::errands
