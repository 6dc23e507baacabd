#include "order_bill.h"

#include <algorithm>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/services/coupons.h"

namespace paynext::plugins::jdjingli {

JdOrder requirePayable(JdOrderStore& orders, const std::string& token, std::int64_t nowMs, Expiry expiry) {
  const auto order = orders.findByToken(token);
  if (!order) throw sdk::Error(sdk::codes::kNoData, "京东京励订单不存在,请确认 token");
  const std::string named = "京东京励订单 " + order->orderNo;
  if (order->status == kPaid) throw sdk::Error(sdk::codes::kBadRequest, named + " 已支付,不能重复支付");
  const std::string status = expiry == Expiry::Checked ? order->statusAt(nowMs) : order->status;
  if (status != kPending) throw sdk::Error(sdk::codes::kBadRequest, named + " 已过期,请重新下单");
  return *order;
}

JdBill priceBill(sdk::Scope& scope, const JdOrder& order, std::int64_t userId, std::int64_t couponId) {
  JdBill bill;
  bill.due = order.amount;
  if (couponId == 0) return bill;
  const auto quote =
      scope.services.require<sdk::services::CouponsService>().quote(scope, userId, {couponId}, order.amount);
  bill.discount = std::min(quote.discount, order.amount);
  bill.due = order.amount - bill.discount;
  return bill;
}

void redeemCoupon(sdk::Scope& scope, const JdOrder& order, std::int64_t userId, std::int64_t couponId,
                  const std::string& reference) {
  if (couponId == 0) return;
  scope.services.require<sdk::services::CouponsService>().redeem(scope, userId, {couponId}, order.amount, reference);
}

}  // namespace paynext::plugins::jdjingli
