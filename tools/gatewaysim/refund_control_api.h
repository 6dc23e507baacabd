#pragma once
// The simulator's JSON API for WeChat Pay v2 refunds, for tests and the demo:
//   POST /sim/refund-fail {"out_trade_no", "mch_id"?, "refund_status"?}
//                         the next refund of this order ends REFUNDCLOSE (the
//                         default) or CHANGE instead of SUCCESS
//   GET  /sim/refunds[?mch_id=...]   {"refunds": [refund...]}, one merchant's or all
// mch_id is needed only when two merchants used the same out_trade_no.
#include <string>

#include "tools/gatewaysim/control_api.h"
#include "tools/gatewaysim/order_store.h"
#include "tools/gatewaysim/refund_store.h"

namespace paynext::tools::gatewaysim {

class RefundControlApi {
 public:
  static constexpr const char* kFailPath = "/sim/refund-fail";
  static constexpr const char* kListPath = "/sim/refunds";

  RefundControlApi(const OrderStore& orders, RefundStore& refunds) : orders_(orders), refunds_(refunds) {}

  static bool handles(const std::string& path) { return path == kFailPath || path == kListPath; }
  ControlResponse handle(const std::string& method, const std::string& path, const std::string& mchId,
                         const std::string& body);

 private:
  ControlResponse failNext(const std::string& body);
  ControlResponse list(const std::string& mchId) const;

  const OrderStore& orders_;
  RefundStore& refunds_;
};

}  // namespace paynext::tools::gatewaysim
