#include "tools/gatewaysim/refund_store.h"

namespace paynext::tools::gatewaysim {

std::pair<RefundStore::Applied, SimRefund> RefundStore::apply(const SimRefund& refund) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (const auto it = refunds_.find(keyOf(refund)); it != refunds_.end()) {
    const SimRefund& stored = it->second;
    const bool same = stored.outTradeNo == refund.outTradeNo && stored.totalFee == refund.totalFee &&
                      stored.refundFee == refund.refundFee;
    return {same ? Applied::Repeated : Applied::Conflict, stored};
  }
  std::int64_t refunded = 0;
  for (const auto& [key, other] : refunds_) {
    if (key.first == refund.mchId && other.outTradeNo == refund.outTradeNo && other.status != "REFUNDCLOSE") {
      refunded += other.refundFee;
    }
  }
  if (refunded + refund.refundFee > refund.totalFee) return {Applied::Exceeds, refund};
  return {Applied::Created, refunds_.emplace(keyOf(refund), refund).first->second};
}

std::optional<SimRefund> RefundStore::find(const Key& key) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = refunds_.find(key);
  if (it == refunds_.end()) return std::nullopt;
  return it->second;
}

std::vector<SimRefund> RefundStore::ofMerchant(const std::string& mchId) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<SimRefund> found;
  for (const auto& [key, refund] : refunds_) {
    if (mchId.empty() || key.first == mchId) found.push_back(refund);
  }
  return found;
}

bool RefundStore::update(const Key& key, const std::function<bool(SimRefund&)>& change) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = refunds_.find(key);
  return it != refunds_.end() && change(it->second);
}

void RefundStore::failNext(const std::string& mchId, const std::string& outTradeNo, const std::string& status) {
  std::lock_guard<std::mutex> lock(mutex_);
  failures_[{mchId, outTradeNo}] = status;
}

std::optional<std::string> RefundStore::takeFailure(const std::string& mchId, const std::string& outTradeNo) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = failures_.find({mchId, outTradeNo});
  if (it == failures_.end()) return std::nullopt;
  std::string status = it->second;
  failures_.erase(it);
  return status;
}

}  // namespace paynext::tools::gatewaysim
