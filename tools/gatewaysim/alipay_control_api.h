#pragma once
// The simulator's Alipay control API, for tests and the demo:
//   POST /sim/alipay/pay  {"order_string", "suppress_notify"?, "total_amount_override"?,
//                          "bad_sign"?, "wait_buyer_pay"?}
//        plays the buyer paying an APP order string (or opening a WAP pay
//        URL) the server handed out, then notifies its notify_url
//   GET  /sim/alipay/orders/{out_trade_no}   one trade
//   GET  /sim/alipay/orders/{out_trade_no}/refunds   its refunds
//   POST /sim/alipay/orders/{out_trade_no}/refund_failure  {"sub_code"?}
//        the trade's next alipay.trade.refund fails with sub_code
//        (ACQ.SELLER_BALANCE_NOT_ENOUGH by default)
#include <optional>
#include <string>

#include "tools/gatewaysim/alipay_apps.h"
#include "tools/gatewaysim/alipay_order_store.h"
#include "tools/gatewaysim/control_api.h"
#include "tools/gatewaysim/notifier.h"

namespace paynext::tools::gatewaysim {

class AlipayControlApi {
 public:
  static const std::string kPrefix;  // "/sim/alipay/"

  AlipayControlApi(const AlipayApps& apps, AlipayOrderStore& store, Notifier& notifier)
      : apps_(apps), store_(store), notifier_(notifier) {}

  // path without the query string, starting with kPrefix.
  ControlResponse handle(const std::string& method, const std::string& path, const std::string& body);

 private:
  ControlResponse pay(const std::string& body);
  ControlResponse order(const std::string& outTradeNo);
  ControlResponse refunds(const std::string& outTradeNo);
  ControlResponse failNextRefund(const std::string& outTradeNo, const std::string& body);
  // The one trade of that out_trade_no, or the error to answer.
  std::optional<AlipayTrade> oneTrade(const std::string& outTradeNo, ControlResponse& error) const;

  const AlipayApps& apps_;
  AlipayOrderStore& store_;
  Notifier& notifier_;
};

}  // namespace paynext::tools::gatewaysim
