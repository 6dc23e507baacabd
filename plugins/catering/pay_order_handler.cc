#include "pay_order_handler.h"

#include "paynext/sdk/errors.h"

#include "bill.h"
#include "pay_request.h"

namespace paynext::plugins::catering {

namespace {

const std::string kReason = "扫码点餐买单";

Poco::JSON::Object::Ptr resultOf(const Order& order) {
  Poco::JSON::Object::Ptr result = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  result->set("orderId", order.id);
  result->set("paid", sdk::yuanNumber(order.paid));
  result->set("discount", sdk::yuanNumber(order.discount));
  result->set("couponIds", order.couponIds);
  return result;
}

}  // namespace

sdk::Fen PayOrderHandler::validate(sdk::ValidateContext& ctx) {
  const PayRequest request = PayRequest::parse(*ctx.params);
  OrderStore orders(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  const Order order = requirePayable(orders, ctx.scope.userId, request.orderId);
  return priceBill(ctx.scope, order, request.couponIds).due;
}

sdk::StepResult PayOrderHandler::execute(sdk::ExecuteContext& ctx) {
  // The order may have been paid, or the coupons used, since validate: check again.
  OrderStore orders(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  sdk::Fen due = 0;
  try {
    const PayRequest request = PayRequest::parse(*ctx.params);
    // A repeated step finds the order paid under its own key and changes nothing.
    const auto done = orders.findForUser(ctx.scope.userId, request.orderId);
    if (done && done->status == kPaid && done->paidReference == ctx.idempotencyKey) {
      return sdk::StepResult::done(resultOf(*done));
    }
    Order order = requirePayable(orders, ctx.scope.userId, request.orderId);
    const Bill bill = priceBill(ctx.scope, order, request.couponIds);
    due = bill.due;
    redeemCoupons(ctx.scope, order, request.couponIds, "catering:" + ctx.idempotencyKey);
    order.discount = bill.discount;
    order.paid = bill.due;
    order.couponIds = request.couponText();
    order.paidReference = ctx.idempotencyKey;
    if (!orders.markPaid(order)) {
      throw sdk::Error(sdk::codes::kBadRequest, "点餐订单 " + std::to_string(order.id) + " 已支付,不能重复支付");
    }
    if (due > 0) ctx.ledger.debit(due, kReason, "catering:" + std::to_string(order.id));
    return sdk::StepResult::done(resultOf(order));
  } catch (const sdk::InsufficientFunds&) {
    return sdk::StepResult::fail("余额不足,支付点餐订单需要 " + sdk::formatYuan(due) + " 元");
  } catch (const sdk::Error& e) {
    return sdk::StepResult::fail(e.what());
  }
}

}  // namespace paynext::plugins::catering
