#include "order_cancel.h"

#include "paynext/sdk/errors.h"

#include "stock.h"

namespace paynext::plugins::orders {

namespace {

const std::string kReason = "订单取消退款:";

void refuseUnlessPaid(const Order& order) {
  const std::string which = "订单 " + std::to_string(order.id);
  if (order.status == kUnpaid) {
    throw sdk::Error(sdk::codes::kBadRequest, which + " 未支付,不能取消;未支付的订单请关闭");
  }
  if (order.status == kClosed) throw sdk::Error(sdk::codes::kBadRequest, which + " 已关闭,不能取消");
  if (order.status == kCancelled) throw sdk::Error(sdk::codes::kBadRequest, which + " 已取消,不能重复取消");
}

}  // namespace

Order cancelPaidOrder(OrderStore& orders, GoodsStore& goods, sdk::Wallets& wallets, std::int64_t id,
                      const std::string& reason, std::int64_t cancelledAt) {
  auto order = orders.find(id);
  if (!order) throw sdk::Error(sdk::codes::kNoData, "订单 " + std::to_string(id) + " 不存在");
  refuseUnlessPaid(*order);
  // The conditional update is the guard: of two cancels at once, the second
  // finds the order no longer paid, and nothing is given back twice.
  if (!orders.cancel(id, reason, cancelledAt)) {
    const auto now = orders.find(id);
    refuseUnlessPaid(now ? *now : *order);
    throw sdk::Error(sdk::codes::kBadRequest, "订单 " + std::to_string(id) + " 已不能取消");
  }
  restoreStock(goods, order->lines);
  // What the pay step debited for this order: OrderPayment::pay debits the sum
  // of its orders' amounts at once (reference orders:<ids>), so this order's
  // share is its amount, whatever the payment's channel money was. Points that
  // paid part of a pay-now order were converted to money in the wallet before
  // the step debited it, so money back into the wallet is the right currency.
  wallets.of(order->userId).credit(order->amount, kReason + reason, "order-cancel:" + std::to_string(id));
  order->status = kCancelled;
  order->cancelReason = reason;
  order->cancelledAt = cancelledAt;
  return std::move(*order);
}

}  // namespace paynext::plugins::orders
