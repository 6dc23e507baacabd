#include "refusals.h"

#include "paynext/sdk/errors.h"

namespace paynext::plugins::addbell::refusals {

std::string orderNotFound(std::int64_t orderId) { return "服务订单 " + std::to_string(orderId) + " 不存在"; }

std::string recordNotFound(std::int64_t recordId) { return "加钟记录 " + std::to_string(recordId) + " 不存在"; }

std::string alreadyPaid(std::int64_t recordId) {
  return "加钟记录 " + std::to_string(recordId) + " 已支付,不能重复支付";
}

std::string expired(std::int64_t recordId) {
  return "加钟记录 " + std::to_string(recordId) + " 已失效(服务订单已结束)";
}

std::string orderFinished(std::int64_t orderId) {
  return "服务订单 " + std::to_string(orderId) + " 已结束,不能加钟";
}

void requireRunning(const Order& order, std::int64_t now) {
  const std::string status = order.status(now);
  if (status == kFinished) throw sdk::Error(sdk::codes::kBadRequest, orderFinished(order.id));
  if (status == kWaiting) {
    throw sdk::Error(sdk::codes::kBadRequest, "服务订单 " + std::to_string(order.id) + " 尚未开始,不能加钟");
  }
}

}  // namespace paynext::plugins::addbell::refusals
