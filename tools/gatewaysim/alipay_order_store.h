#pragma once
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace paynext::tools::gatewaysim {

// One refund of a trade (alipay.trade.refund), by its out_request_no.
struct AlipayRefund {
  std::string outRequestNo;
  std::string refundAmount;  // yuan, two decimals
  std::string reason;
  std::string gmtRefundPay;  // "yyyy-MM-dd HH:mm:ss", Beijing time
};

// An Alipay trade as the control API created it from an order string.
struct AlipayTrade {
  std::string appId;
  std::string outTradeNo;
  std::string tradeNo;
  std::string totalAmount;  // yuan, as the order string's biz_content gave it
  std::string subject;
  std::string notifyUrl;
  std::string buyerId;
  std::string gmtCreate;   // "yyyy-MM-dd HH:mm:ss", Beijing time
  std::string gmtPayment;  // empty until paid

  // Then TRADE_SUCCESS; TRADE_CLOSED once closed unpaid or refunded in full.
  std::string state = "WAIT_BUYER_PAY";

  std::vector<AlipayRefund> refunds;  // in the order they were made
  std::string refundFailure;          // sub_code the next refund fails with; empty = none

  int notifyAttempts = 0;
  bool acknowledged = false;  // some notification was answered "success"
  std::string lastNotifyResult;
};

// Alipay trades in memory, by (app_id, out_trade_no) as Alipay scopes them.
// Every method is safe to call from any thread.
class AlipayOrderStore {
 public:
  using Key = std::pair<std::string, std::string>;  // app_id, out_trade_no

  std::optional<AlipayTrade> find(const Key& key) const;
  std::optional<AlipayTrade> findByTradeNo(const std::string& appId, const std::string& tradeNo) const;
  std::vector<AlipayTrade> findByOutTradeNo(const std::string& outTradeNo) const;

  // Under the lock: change gets the stored trade, or nullptr when there is
  // none, in which case what it leaves in `created` (if anything) is stored.
  // Returns change's result.
  bool upsert(const Key& key,
              const std::function<bool(AlipayTrade* stored, std::optional<AlipayTrade>& created)>& change);
  // Runs change on the stored trade under the lock; false if there is none.
  bool update(const Key& key, const std::function<bool(AlipayTrade&)>& change);

  static Key keyOf(const AlipayTrade& trade) { return {trade.appId, trade.outTradeNo}; }

 private:
  mutable std::mutex mutex_;
  std::map<Key, AlipayTrade> trades_;
};

}  // namespace paynext::tools::gatewaysim
