#include "tools/gatewaysim/alipay_order_store.h"

namespace paynext::tools::gatewaysim {

std::optional<AlipayTrade> AlipayOrderStore::find(const Key& key) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = trades_.find(key);
  if (it == trades_.end()) return std::nullopt;
  return it->second;
}

std::optional<AlipayTrade> AlipayOrderStore::findByTradeNo(const std::string& appId, const std::string& tradeNo) const {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto& [key, trade] : trades_) {
    if (key.first == appId && !tradeNo.empty() && trade.tradeNo == tradeNo) return trade;
  }
  return std::nullopt;
}

std::vector<AlipayTrade> AlipayOrderStore::findByOutTradeNo(const std::string& outTradeNo) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<AlipayTrade> found;
  for (const auto& [key, trade] : trades_) {
    if (key.second == outTradeNo) found.push_back(trade);
  }
  return found;
}

bool AlipayOrderStore::upsert(
    const Key& key, const std::function<bool(AlipayTrade* stored, std::optional<AlipayTrade>& created)>& change) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = trades_.find(key);
  std::optional<AlipayTrade> created;
  const bool result = change(it == trades_.end() ? nullptr : &it->second, created);
  if (it == trades_.end() && created) trades_.emplace(key, std::move(*created));
  return result;
}

bool AlipayOrderStore::update(const Key& key, const std::function<bool(AlipayTrade&)>& change) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = trades_.find(key);
  return it != trades_.end() && change(it->second);
}

}  // namespace paynext::tools::gatewaysim
