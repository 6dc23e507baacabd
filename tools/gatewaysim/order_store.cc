#include "tools/gatewaysim/order_store.h"

namespace paynext::tools::gatewaysim {

std::pair<OrderStore::Placed, SimOrder> OrderStore::place(const SimOrder& order) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto [it, inserted] = orders_.emplace(keyOf(order), order);
  if (inserted) return {Placed::Created, it->second};
  const SimOrder& stored = it->second;
  if (stored.state == "CLOSED") return {Placed::Closed, stored};
  if (stored.state != "NOTPAY") return {Placed::AlreadyPaid, stored};
  const bool same = stored.totalFee == order.totalFee && stored.body == order.body &&
                    stored.tradeType == order.tradeType && stored.openid == order.openid && stored.appId == order.appId;
  return {same ? Placed::Repeated : Placed::Conflict, stored};
}

std::optional<SimOrder> OrderStore::find(const Key& key) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = orders_.find(key);
  if (it == orders_.end()) return std::nullopt;
  return it->second;
}

std::vector<SimOrder> OrderStore::findByOutTradeNo(const std::string& outTradeNo) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<SimOrder> found;
  for (const auto& [key, order] : orders_) {
    if (key.second == outTradeNo) found.push_back(order);
  }
  return found;
}

std::vector<SimOrder> OrderStore::all() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<SimOrder> orders;
  orders.reserve(orders_.size());
  for (const auto& [key, order] : orders_) orders.push_back(order);
  return orders;
}

bool OrderStore::update(const Key& key, const std::function<bool(SimOrder&)>& change) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = orders_.find(key);
  return it != orders_.end() && change(it->second);
}

}  // namespace paynext::tools::gatewaysim
