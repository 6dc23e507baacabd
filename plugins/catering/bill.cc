#include "bill.h"

#include "paynext/sdk/errors.h"
#include "paynext/sdk/services/coupons.h"

namespace paynext::plugins::catering {

namespace {

std::string named(std::int64_t orderId) { return "点餐订单 " + std::to_string(orderId); }

}  // namespace

Order requirePayable(OrderStore& orders, std::int64_t userId, std::int64_t orderId) {
  auto order = orders.findForUser(userId, orderId);
  if (!order) throw sdk::Error(sdk::codes::kNoData, named(orderId) + " 不存在");
  if (order->status != kOpen) throw sdk::Error(sdk::codes::kBadRequest, named(orderId) + " 已支付,不能重复支付");
  if (order->lines.empty()) throw sdk::Error(sdk::codes::kBadRequest, named(orderId) + " 还没有点菜");
  return *order;
}

Bill priceBill(sdk::Scope& scope, const Order& order, const std::vector<std::int64_t>& couponIds) {
  Bill bill;
  bill.total = bill.due = order.total();
  if (couponIds.empty()) return bill;
  auto& coupons = scope.services.require<sdk::services::CouponsService>();
  for (const auto id : couponIds) {
    const auto quote = coupons.quote(scope, order.userId, {id}, bill.due);
    bill.discount += quote.discount;
    bill.due = quote.payable;
  }
  return bill;
}

void redeemCoupons(sdk::Scope& scope, const Order& order, const std::vector<std::int64_t>& couponIds,
                   const std::string& reference) {
  if (couponIds.empty()) return;
  scope.services.require<sdk::services::CouponsService>().redeem(scope, order.userId, couponIds, order.total(),
                                                                 reference);
}

}  // namespace paynext::plugins::catering
