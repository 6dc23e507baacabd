#include "order_pay_handler.h"

#include "paynext/sdk/errors.h"

#include "order_payment.h"

namespace paynext::plugins::orders {

sdk::Fen OrderPayHandler::validate(sdk::ValidateContext& ctx) {
  optionalDelivery(*ctx.params);  // refuses bad delivery fields before any money moves
  OrderStore store(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  return OrderPayment(store, ctx.scope.userId, OrderPayment::parseIds(*ctx.params)).total();
}

sdk::StepResult OrderPayHandler::execute(sdk::ExecuteContext& ctx) {
  // Orders may have been paid or the wallet spent since validate: check again.
  OrderStore store(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  sdk::Fen total = 0;
  try {
    OrderPayment payment(store, ctx.scope.userId, OrderPayment::parseIds(*ctx.params));
    total = payment.total();
    payment.pay(ctx.ledger, ctx.idempotencyKey, ctx.scope.clock.nowMs());
    if (const auto delivery = optionalDelivery(*ctx.params)) {
      for (const auto& order : payment.orders()) store.setDelivery(ctx.scope.userId, order.id, *delivery);
    }
    Poco::JSON::Object::Ptr result = new Poco::JSON::Object;
    result->set("orders", payment.ledgerReference());
    result->set("amount", sdk::yuanNumber(total));
    return sdk::StepResult::done(result);
  } catch (const sdk::InsufficientFunds&) {
    return sdk::StepResult::fail("余额不足,支付商城订单需要 " + sdk::formatYuan(total) + " 元");
  } catch (const sdk::Error& e) {
    return sdk::StepResult::fail(e.what());
  }
}

}  // namespace paynext::plugins::orders
