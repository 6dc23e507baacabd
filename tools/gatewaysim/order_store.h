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

// An order as unifiedorder created it, plus what the simulator did with it.
struct SimOrder {
  std::string mchId;
  std::string appId;
  std::string outTradeNo;
  std::string body;
  std::string attach;
  std::int64_t totalFee = 0;
  std::string notifyUrl;
  std::string tradeType;
  std::string openid;
  std::string prepayId;
  core::payments::wxpay::SignType signType = core::payments::wxpay::SignType::Md5;
  bool v3 = false;  // placed through API v3 (/v3/pay/transactions/...): notified the v3 way

  std::string state = "NOTPAY";  // NOTPAY, then SUCCESS once /sim/pay says so, or CLOSED by closeorder
  std::string transactionId;
  std::string timeEnd;  // yyyyMMddHHmmss, Beijing time

  int notifyAttempts = 0;
  bool acknowledged = false;  // some notification was answered SUCCESS
  std::string lastNotifyResult;
};

// Orders in memory, by (mch_id, out_trade_no) as WeChat scopes them.
// Every method is safe to call from any thread.
class OrderStore {
 public:
  using Key = std::pair<std::string, std::string>;  // mch_id, out_trade_no

  enum class Placed { Created, Repeated, Conflict, AlreadyPaid, Closed };
  // Stores a new order, or compares it with the stored one of the same key:
  // a repeat of the same order gives back the stored one (same prepay_id).
  std::pair<Placed, SimOrder> place(const SimOrder& order);

  std::optional<SimOrder> find(const Key& key) const;
  // Orders of any merchant with this out_trade_no (the control API's lookup).
  std::vector<SimOrder> findByOutTradeNo(const std::string& outTradeNo) const;
  std::vector<SimOrder> all() const;

  // Runs change on the stored order under the lock, so a check and the
  // change it allows are atomic. Returns change's result; false if no order.
  bool update(const Key& key, const std::function<bool(SimOrder&)>& change);

  static Key keyOf(const SimOrder& order) { return {order.mchId, order.outTradeNo}; }

 private:
  mutable std::mutex mutex_;
  std::map<Key, SimOrder> orders_;
};

}  // namespace paynext::tools::gatewaysim
