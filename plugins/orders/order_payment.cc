#include "order_payment.h"

#include <algorithm>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

namespace paynext::plugins::orders {

namespace {
const std::string kReason = "支付商城订单";
}  // namespace

std::vector<std::int64_t> OrderPayment::parseIds(const Poco::JSON::Object& params, const std::string& field) {
  std::vector<std::int64_t> ids = sdk::params::requireIdList(params, field);
  if (ids.size() > kMaxOrders) {
    throw sdk::ParamError(field, "参数 " + field + " 最多包含 " + std::to_string(kMaxOrders) + " 个订单");
  }
  for (auto it = ids.begin(); it != ids.end(); ++it) {
    if (std::find(ids.begin(), it, *it) != it) {
      throw sdk::ParamError(field, "参数 " + field + " 中订单 " + std::to_string(*it) + " 重复");
    }
  }
  return ids;
}

OrderPayment::OrderPayment(OrderStore& store, std::int64_t userId, const std::vector<std::int64_t>& ids)
    : store_(store), userId_(userId) {
  for (const auto id : ids) {
    auto order = store_.findForUser(userId_, id);
    // Another user's order is reported as missing: its existence is not the caller's business.
    if (!order) throw sdk::Error(sdk::codes::kNoData, "订单 " + std::to_string(id) + " 不存在");
    if (order->status != kUnpaid) {
      throw sdk::Error(sdk::codes::kBadRequest, "订单 " + std::to_string(id) + " 已支付,不能重复支付");
    }
    // parseIds caps the count and requireMoney keeps each amount below 10^17 fen: no overflow.
    total_ += order->amount;
    orders_.push_back(std::move(*order));
  }
}

std::string OrderPayment::ledgerReference() const {
  std::string ref = "orders:";
  for (std::size_t i = 0; i < orders_.size(); ++i) {
    if (i) ref += ",";
    ref += std::to_string(orders_[i].id);
  }
  return ref;
}

void OrderPayment::pay(sdk::Ledger& ledger, const std::string& paidReference, std::int64_t paidAt) {
  for (auto& order : orders_) {
    if (!store_.markPaid(userId_, order.id, paidReference, paidAt)) {
      throw sdk::Error(sdk::codes::kBadRequest, "订单 " + std::to_string(order.id) + " 已支付,不能重复支付");
    }
    order.status = kPaid;
    order.paidAt = paidAt;
    order.paidReference = paidReference;
  }
  ledger.debit(total_, kReason, ledgerReference());
}

}  // namespace paynext::plugins::orders
