#pragma once
// WeChat Pay API v3 refunds (退款申请) in memory, by (mchid, out_refund_no)
// as WeChat scopes them, with the rules that need all of an order's refunds
// at once: idempotency by out_refund_no and the sum never above the total.
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace paynext::tools::gatewaysim {

struct V3SimRefund {
  std::string mchId;
  std::string outTradeNo;
  std::string transactionId;
  std::string outRefundNo;
  std::string refundId;
  std::string reason;
  std::string notifyUrl;
  std::int64_t refund = 0;  // amount.refund, fen
  std::int64_t total = 0;   // amount.total, fen
  std::string status = "PROCESSING";  // then SUCCESS, ABNORMAL or CLOSED
  std::string outcome = "SUCCESS";    // what PROCESSING becomes
  std::string createTime;             // RFC 3339, Beijing time
  std::string successTime;            // set when SUCCESS

  int notifyAttempts = 0;
  bool acknowledged = false;  // some REFUND.* notification was answered 2xx
  std::string lastNotifyResult;
};

class V3RefundStore {
 public:
  using Key = std::pair<std::string, std::string>;  // mchid, out_refund_no
  using OrderKey = std::pair<std::string, std::string>;  // mchid, out_trade_no

  enum class Made { Created, Repeated, Discordant, OverTotal, Refused };
  // Under the lock: a refund with the same out_refund_no answers Repeated
  // (same order and amount) or Discordant; one that would take the order's
  // refunds (all but CLOSED ones) above its total is OverTotal; an armed
  // failure (armOutcome "NOT_ENOUGH") is Refused, once. Otherwise the refund
  // is stored with the armed outcome (or SUCCESS). Returns the stored refund.
  std::pair<Made, V3SimRefund> make(V3SimRefund refund);

  std::optional<V3SimRefund> find(const Key& key) const;
  // Refunds of any merchant with this out_refund_no (the control API's lookup).
  std::vector<V3SimRefund> findByOutRefundNo(const std::string& outRefundNo) const;
  std::vector<V3SimRefund> ofOrder(const OrderKey& order) const;
  // Runs change on the stored refund under the lock; false if there is none.
  bool update(const Key& key, const std::function<bool(V3SimRefund&)>& change);

  // The order's next refund ends as outcome (SUCCESS, ABNORMAL, CLOSED) or
  // is refused NOT_ENOUGH.
  void armOutcome(const OrderKey& order, const std::string& outcome);

  static Key keyOf(const V3SimRefund& refund) { return {refund.mchId, refund.outRefundNo}; }

 private:
  mutable std::mutex mutex_;
  std::map<Key, V3SimRefund> refunds_;
  std::map<OrderKey, std::string> armed_;
};

}  // namespace paynext::tools::gatewaysim
