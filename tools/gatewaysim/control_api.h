#pragma once
// The simulator's own JSON API, for tests and the demo:
//   POST /sim/pay     {"out_trade_no", "mch_id"?, "suppress_notify"?, "total_fee_override"?, "bad_sign"?,
//                      "timestamp_offset"?}
//                     marks an order paid and starts notifying the merchant (API v2 XML or API
//                     v3 JSON, as the order was placed; timestamp_offset: v3 only, seconds)
//   POST /sim/notify  {"out_trade_no", "mch_id"?, "total_fee_override"?, "bad_sign"?}
//                     sends the notification of a paid order again (a new run)
//   GET  /sim/orders              {"orders": [order...]}
//   GET  /sim/orders/{out_trade_no}[?mch_id=...]   one order
// mch_id is needed only when two merchants used the same out_trade_no.
#include <string>

#include <Poco/JSON/Object.h>

#include "tools/gatewaysim/merchants.h"
#include "tools/gatewaysim/notifier.h"
#include "tools/gatewaysim/order_store.h"
#include "tools/gatewaysim/wxpay_v3_merchants.h"

namespace paynext::tools::gatewaysim {

struct ControlResponse {
  int status = 200;
  std::string json;
};

// {"error": message} with that status; the control APIs' one error shape.
ControlResponse controlError(int status, const std::string& message);
// json as the answer's body.
ControlResponse controlJson(const Poco::JSON::Object::Ptr& json, int status = 200);

class ControlApi {
 public:
  ControlApi(OrderStore& store, const Merchants& merchants, const V3Merchants& v3Merchants, Notifier& notifier)
      : store_(store), merchants_(merchants), v3Merchants_(v3Merchants), notifier_(notifier) {}

  // path without the query string; mchId from the query (may be empty).
  ControlResponse handle(const std::string& method, const std::string& path, const std::string& mchId,
                         const std::string& body);

 private:
  ControlResponse pay(const std::string& body, bool resendOnly);
  ControlResponse order(const std::string& outTradeNo, const std::string& mchId);
  ControlResponse orders();

  OrderStore& store_;
  const Merchants& merchants_;
  const V3Merchants& v3Merchants_;
  Notifier& notifier_;
};

}  // namespace paynext::tools::gatewaysim
