#include "order_pay_handler.h"

#include <optional>

#include "paynext/sdk/errors.h"

#include "order_payment.h"

namespace paynext::plugins::orders {

namespace {

Poco::JSON::Object::Ptr resultOf(const std::string& reference, sdk::Fen total) {
  Poco::JSON::Object::Ptr result = new Poco::JSON::Object;
  result->set("orders", reference);
  result->set("amount", sdk::yuanNumber(total));
  return result;
}

// A step run again after it was done (same key): every order is already paid
// under its key (and maybe cancelled since by an admin), so it answers as
// before and changes nothing.
std::optional<sdk::StepResult> doneBefore(OrderStore& store, std::int64_t userId,
                                          const std::vector<std::int64_t>& ids, const std::string& key) {
  sdk::Fen total = 0;
  std::string reference = "orders:";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const auto order = store.findForUser(userId, ids[i]);
    const bool paidOnce = order && (order->status == kPaid || order->status == kCancelled);
    if (!paidOnce || order->paidReference != key) return std::nullopt;
    total += order->amount;
    reference += (i ? "," : "") + std::to_string(ids[i]);
  }
  return sdk::StepResult::done(resultOf(reference, total));
}

}  // namespace

sdk::Fen OrderPayHandler::validate(sdk::ValidateContext& ctx) {
  optionalDelivery(*ctx.params);  // refuses bad delivery fields before any money moves
  OrderStore store(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  GoodsStore goods(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  return OrderPayment(store, goods, ctx.scope.userId, OrderPayment::parseIds(*ctx.params)).total();
}

sdk::StepResult OrderPayHandler::execute(sdk::ExecuteContext& ctx) {
  // Orders may have been paid or closed, goods sold out, or the wallet spent since validate: check again.
  OrderStore store(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  GoodsStore goods(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  sdk::Fen total = 0;
  try {
    const auto ids = OrderPayment::parseIds(*ctx.params);
    if (auto again = doneBefore(store, ctx.scope.userId, ids, ctx.idempotencyKey)) return *again;
    OrderPayment payment(store, goods, ctx.scope.userId, ids);
    total = payment.total();
    payment.pay(ctx.ledger, ctx.idempotencyKey, ctx.scope.clock.nowMs());
    if (const auto delivery = optionalDelivery(*ctx.params)) {
      for (const auto& order : payment.orders()) store.setDelivery(ctx.scope.userId, order.id, *delivery);
    }
    return sdk::StepResult::done(resultOf(payment.ledgerReference(), total));
  } catch (const sdk::InsufficientFunds&) {
    return sdk::StepResult::fail("余额不足,支付商城订单需要 " + sdk::formatYuan(total) + " 元");
  } catch (const sdk::Error& e) {
    return sdk::StepResult::fail(e.what());
  }
}

}  // namespace paynext::plugins::orders
