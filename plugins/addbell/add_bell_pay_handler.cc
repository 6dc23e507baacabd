#include "add_bell_pay_handler.h"

#include "paynext/sdk/china_time.h"
#include "paynext/sdk/errors.h"

#include "add_bell_payment.h"
#include "order_store.h"
#include "pay_request.h"

namespace paynext::plugins::addbell {

sdk::Fen AddBellPayHandler::validate(sdk::ValidateContext& ctx) {
  const PayRequest request = PayRequest::parse(*ctx.params);
  return AddBellPayment(ctx.scope, request.orderAddBellId).amount();
}

sdk::StepResult AddBellPayHandler::execute(sdk::ExecuteContext& ctx) {
  // The record may have been paid, or its order finished, since validate: check again.
  sdk::Fen amount = 0;
  try {
    const PayRequest request = PayRequest::parse(*ctx.params);
    AddBellPayment payment(ctx.scope, request.orderAddBellId, ctx.idempotencyKey);
    amount = payment.amount();
    // A repeated step finds its record paid under its own key and changes nothing.
    payment.pay(ctx.ledger, ctx.idempotencyKey);
    const auto order = OrderStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).find(payment.record().orderId);
    Poco::JSON::Object::Ptr result = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    result->set("orderAddBellId", payment.record().id);
    result->set("orderId", payment.record().orderId);
    result->set("minutes", payment.record().minutes);
    result->set("amount", sdk::yuanNumber(amount));
    if (order) result->set("endTime", sdk::formatChinaTime(order->endAt));
    return sdk::StepResult::done(result);
  } catch (const sdk::InsufficientFunds&) {
    return sdk::StepResult::fail("余额不足,加钟需要 " + sdk::formatYuan(amount) + " 元");
  } catch (const sdk::Error& e) {
    return sdk::StepResult::fail(e.what());
  }
}

}  // namespace paynext::plugins::addbell
