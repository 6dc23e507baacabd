#pragma once
// The simulator's control API for WeChat Pay API v3 refunds, for tests and the demo:
//   POST /sim/v3/orders/{out_trade_no}/refund_outcome  {"status", "mchid"?}
//        the order's next refund ends with status: SUCCESS (the default
//        outcome), ABNORMAL or CLOSED after PROCESSING, or NOT_ENOUGH (refused
//        at once, 403)
//   GET  /sim/v3/refunds/{out_refund_no}   one refund, with its notification attempts
#include <string>

#include "tools/gatewaysim/control_api.h"
#include "tools/gatewaysim/order_store.h"
#include "tools/gatewaysim/wxpay_v3_refund_store.h"

namespace paynext::tools::gatewaysim {

class WxpayV3RefundControl {
 public:
  static const std::string kPrefix;  // "/sim/v3/"

  WxpayV3RefundControl(const OrderStore& orders, V3RefundStore& refunds) : orders_(orders), refunds_(refunds) {}

  // path without the query string, starting with kPrefix.
  ControlResponse handle(const std::string& method, const std::string& path, const std::string& body);

 private:
  ControlResponse armOutcome(const std::string& outTradeNo, const std::string& body);
  ControlResponse refund(const std::string& outRefundNo);

  const OrderStore& orders_;
  V3RefundStore& refunds_;
};

}  // namespace paynext::tools::gatewaysim
