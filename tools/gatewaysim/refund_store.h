#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/payments/wxpay/wxpay_sign.h"

namespace paynext::tools::gatewaysim {

// A WeChat Pay v2 refund as /secapi/pay/refund accepted it, plus what the
// simulator did with it.
struct SimRefund {
  std::string mchId;
  std::string appId;
  std::string outTradeNo;
  std::string transactionId;
  std::string outRefundNo;
  std::string refundId;
  std::int64_t totalFee = 0;
  std::int64_t refundFee = 0;
  std::string refundDesc;
  std::string notifyUrl;  // the request's, else the merchant's default; empty: not notified
  core::payments::wxpay::SignType signType = core::payments::wxpay::SignType::Md5;

  std::string status = "PROCESSING";  // then SUCCESS, or REFUNDCLOSE / CHANGE when made to fail
  std::string successTime;            // yyyy-MM-dd HH:mm:ss, Beijing time, once SUCCESS

  int notifyAttempts = 0;
  bool acknowledged = false;
  std::string lastNotifyResult;
};

// Refunds in memory, by (mch_id, out_refund_no) as WeChat scopes them, with
// WeChat's rules: the sum of an order's refunds (closed ones aside) never
// exceeds its total_fee, and the same out_refund_no again is the same refund.
// Every method is safe to call from any thread.
class RefundStore {
 public:
  using Key = std::pair<std::string, std::string>;  // mch_id, out_refund_no

  enum class Applied { Created, Repeated, Conflict, Exceeds };
  // Stores a new refund (the caller checked that its order is paid), or
  // compares it with the stored one of the same key: the same order and
  // amounts give back the stored refund; other ones are a Conflict. A new
  // refund past what is left of the order is Exceeds and not stored.
  std::pair<Applied, SimRefund> apply(const SimRefund& refund);

  std::optional<SimRefund> find(const Key& key) const;
  std::vector<SimRefund> ofMerchant(const std::string& mchId) const;  // all merchants' when empty
  bool update(const Key& key, const std::function<bool(SimRefund&)>& change);

  // The next refund of this order ends in `status` (REFUNDCLOSE or CHANGE)
  // instead of SUCCESS; taken once.
  void failNext(const std::string& mchId, const std::string& outTradeNo, const std::string& status);
  std::optional<std::string> takeFailure(const std::string& mchId, const std::string& outTradeNo);

  static Key keyOf(const SimRefund& refund) { return {refund.mchId, refund.outRefundNo}; }

 private:
  mutable std::mutex mutex_;
  std::map<Key, SimRefund> refunds_;
  std::map<std::pair<std::string, std::string>, std::string> failures_;  // (mch_id, out_trade_no) -> status
};

}  // namespace paynext::tools::gatewaysim
