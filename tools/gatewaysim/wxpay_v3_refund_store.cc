#include "tools/gatewaysim/wxpay_v3_refund_store.h"

namespace paynext::tools::gatewaysim {

std::pair<V3RefundStore::Made, V3SimRefund> V3RefundStore::make(V3SimRefund refund) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto same = refunds_.find(keyOf(refund));
  if (same != refunds_.end()) {
    const bool repeat = same->second.outTradeNo == refund.outTradeNo && same->second.refund == refund.refund;
    return {repeat ? Made::Repeated : Made::Discordant, same->second};
  }
  std::int64_t refunded = 0;
  for (const auto& [key, stored] : refunds_) {
    if (key.first == refund.mchId && stored.outTradeNo == refund.outTradeNo && stored.status != "CLOSED") {
      refunded += stored.refund;
    }
  }
  if (refunded + refund.refund > refund.total) return {Made::OverTotal, refund};
  const OrderKey order{refund.mchId, refund.outTradeNo};
  const auto armed = armed_.find(order);
  if (armed != armed_.end()) {
    refund.outcome = armed->second;
    armed_.erase(armed);
    if (refund.outcome == "NOT_ENOUGH") return {Made::Refused, refund};
  }
  refunds_.emplace(keyOf(refund), refund);
  return {Made::Created, refund};
}

std::optional<V3SimRefund> V3RefundStore::find(const Key& key) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = refunds_.find(key);
  if (it == refunds_.end()) return std::nullopt;
  return it->second;
}

std::vector<V3SimRefund> V3RefundStore::findByOutRefundNo(const std::string& outRefundNo) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<V3SimRefund> found;
  for (const auto& [key, refund] : refunds_) {
    if (key.second == outRefundNo) found.push_back(refund);
  }
  return found;
}

std::vector<V3SimRefund> V3RefundStore::ofOrder(const OrderKey& order) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<V3SimRefund> found;
  for (const auto& [key, refund] : refunds_) {
    if (key.first == order.first && refund.outTradeNo == order.second) found.push_back(refund);
  }
  return found;
}

bool V3RefundStore::update(const Key& key, const std::function<bool(V3SimRefund&)>& change) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = refunds_.find(key);
  return it != refunds_.end() && change(it->second);
}

void V3RefundStore::armOutcome(const OrderKey& order, const std::string& outcome) {
  std::lock_guard<std::mutex> lock(mutex_);
  armed_[order] = outcome;
}

}  // namespace paynext::tools::gatewaysim
