#include "order_payment.h"

#include <algorithm>

#include <Poco/StringTokenizer.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "stock.h"

namespace paynext::plugins::orders {

namespace p = sdk::params;

namespace {

const std::string kReason = "支付商城订单";
// Order ids stay far below ten digits; the order numbers people see
// (OD1807220151884127, or its digits) are longer.
constexpr std::size_t kMaxOrderIdDigits = 10;

// The seed document warns that id is the numeric order id, not the OD number:
// refuse the order number in so many words rather than as a bad format.
void refuseOrderNumbers(const Poco::JSON::Object& params, const std::string& field) {
  if (!p::has(params, field)) return;
  const Poco::Dynamic::Var v = params.get(field);
  if (v.isBoolean() || !(v.isString() || v.isNumeric())) return;
  Poco::StringTokenizer parts(v.convert<std::string>(), ",", Poco::StringTokenizer::TOK_TRIM);
  for (const auto& part : parts) {
    const bool od = part.size() > 2 && (part[0] == 'O' || part[0] == 'o') && (part[1] == 'D' || part[1] == 'd');
    if (od || part.size() > kMaxOrderIdDigits) {
      throw sdk::ParamError(field, "参数 " + field + " 应为待支付订单的 id(接口返回的纯数字编号),不是 OD 开头的订单号");
    }
  }
}

sdk::Error notPayable(const Order& order) {
  const std::string which = "订单 " + std::to_string(order.id);
  if (order.status == kClosed) return sdk::Error(sdk::codes::kBadRequest, which + " 已关闭,不能支付");
  if (order.status == kCancelled) return sdk::Error(sdk::codes::kBadRequest, which + " 已取消,不能支付");
  return sdk::Error(sdk::codes::kBadRequest, which + " 已支付,不能重复支付");
}

}  // namespace

std::vector<std::int64_t> OrderPayment::parseIds(const Poco::JSON::Object& params, const std::string& field) {
  refuseOrderNumbers(params, field);
  std::vector<std::int64_t> ids = p::requireIdList(params, field);
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

OrderPayment::OrderPayment(OrderStore& store, GoodsStore& goods, std::int64_t userId,
                           const std::vector<std::int64_t>& ids)
    : store_(store), goods_(goods), userId_(userId) {
  for (const auto id : ids) {
    auto order = store_.findForUser(userId_, id);
    // Another user's order is reported as missing: its existence is not the caller's business.
    if (!order) throw sdk::Error(sdk::codes::kNoData, "订单 " + std::to_string(id) + " 不存在");
    if (order->status != kUnpaid) throw notPayable(*order);
    // parseIds caps the count and every amount stays below sdk::kMaxFen: no overflow.
    total_ += order->amount;
    lines_.insert(lines_.end(), order->lines.begin(), order->lines.end());
    orders_.push_back(std::move(*order));
  }
  checkStock(goods_, lines_);
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
      const auto now = store_.findForUser(userId_, order.id);
      throw notPayable(now ? *now : order);
    }
    order.status = kPaid;
    order.paidAt = paidAt;
    order.paidReference = paidReference;
  }
  takeStock(goods_, lines_);
  ledger.debit(total_, kReason, ledgerReference());
}

}  // namespace paynext::plugins::orders
