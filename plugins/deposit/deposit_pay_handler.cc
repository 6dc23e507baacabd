#include "deposit_pay_handler.h"

#include "paynext/sdk/errors.h"

#include "deposit_request.h"
#include "deposit_store.h"

namespace paynext::plugins::deposit {

namespace {

const std::string kReason = "支付押金";

Poco::JSON::Object::Ptr details(const Deposit& deposit) {
  Poco::JSON::Object::Ptr result = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  result->set("depositId", deposit.id);
  result->set("amount", sdk::yuanNumber(deposit.amount));
  return result;
}

}  // namespace

sdk::Fen DepositPayHandler::validate(sdk::ValidateContext& ctx) { return DepositRequest::parse(*ctx.params).amount; }

sdk::StepResult DepositPayHandler::execute(sdk::ExecuteContext& ctx) {
  DepositRequest request;
  try {
    request = DepositRequest::parse(*ctx.params);
  } catch (const sdk::Error& e) {
    return sdk::StepResult::fail(e.what());
  }
  // One deposit per step: the step's key names it in the table and the ledger.
  const std::string reference = "deposit:" + ctx.idempotencyKey;
  DepositStore store(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  const std::optional<Deposit> created = store.createOnce(ctx.scope.userId, request, reference);
  if (!created) return sdk::StepResult::done(details(store.findByReference(reference).value()));
  try {
    ctx.ledger.freeze(request.amount, kReason, reference);
  } catch (const sdk::InsufficientFunds&) {
    store.remove(created->id);
    return sdk::StepResult::fail("余额不足,无法冻结押金 " + sdk::formatYuan(request.amount) + " 元");
  }
  return sdk::StepResult::done(details(*created));
}

}  // namespace paynext::plugins::deposit
