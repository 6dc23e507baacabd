#include "knowledge_pay_handler.h"

#include "paynext/sdk/errors.h"

#include "pay_request.h"
#include "purchase_payment.h"

namespace paynext::plugins::knowledge {

sdk::Fen KnowledgePayHandler::validate(sdk::ValidateContext& ctx) {
  const PayRequest request = PayRequest::parse(*ctx.params);
  PurchaseStore purchases(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  ItemStore items(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  return PurchasePayment(purchases, items, ctx.scope.userId, request.ids).total();
}

sdk::StepResult KnowledgePayHandler::execute(sdk::ExecuteContext& ctx) {
  // Purchases may have been paid, items taken off sale or the wallet spent since validate: check again.
  PurchaseStore purchases(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  ItemStore items(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  sdk::Fen total = 0;
  try {
    const PayRequest request = PayRequest::parse(*ctx.params);
    PurchasePayment payment(purchases, items, ctx.scope.userId, request.ids, ctx.idempotencyKey);
    total = payment.total();
    // A repeated step finds its purchases paid under its own key and changes nothing.
    payment.pay(ctx.ledger, ctx.idempotencyKey);
    Poco::JSON::Object::Ptr result = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    result->set("purchases", payment.ledgerReference());
    result->set("amount", sdk::yuanNumber(total));
    return sdk::StepResult::done(result);
  } catch (const sdk::InsufficientFunds&) {
    return sdk::StepResult::fail("余额不足,支付知识付费订单需要 " + sdk::formatYuan(total) + " 元");
  } catch (const sdk::Error& e) {
    return sdk::StepResult::fail(e.what());
  }
}

}  // namespace paynext::plugins::knowledge
