#pragma once
// The merchant-facing WeChat Pay API v3 endpoints:
//   POST /v3/pay/transactions/jsapi   POST /v3/pay/transactions/app
//   GET  /v3/pay/transactions/out-trade-no/{out_trade_no}?mchid=...
//   POST /v3/pay/transactions/out-trade-no/{out_trade_no}/close  {"mchid"} -> 204
//   POST /v3/refund/domestic/refunds      (PROCESSING; V3RefundProcessor ends it)
//   GET  /v3/refund/domestic/refunds/{out_refund_no}
// Every request must carry a valid WECHATPAY2-SHA256-RSA2048 Authorization
// of a configured merchant; answers are JSON signed with that merchant's
// platform key (Wechatpay-* headers), errors {"code","message"}.
#include <string>
#include <utility>
#include <vector>

#include "tools/gatewaysim/order_store.h"
#include "tools/gatewaysim/wxpay_v3_merchants.h"
#include "tools/gatewaysim/wxpay_v3_refund_processor.h"
#include "tools/gatewaysim/wxpay_v3_refund_store.h"

namespace paynext::tools::gatewaysim {

struct V3Answer {
  int status = 200;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

class WxpayV3Api {
 public:
  static const std::string kPrefix;  // "/v3/"

  WxpayV3Api(const V3Merchants& merchants, OrderStore& store, V3RefundStore& refunds, V3RefundProcessor& processor)
      : merchants_(merchants), store_(store), refunds_(refunds), processor_(processor) {}

  // uri: the request target exactly as sent (path and query), which the
  // merchant's signature covers.
  V3Answer handle(const std::string& method, const std::string& uri, const std::string& authorization,
                  const std::string& body);

 private:
  V3Answer prepay(const V3Merchant& merchant, const std::string& tradeType, const std::string& body);
  V3Answer query(const V3Merchant& merchant, const std::string& outTradeNo, const std::string& mchIdParam);
  // Only an unpaid order closes; closing a closed one answers 204 again.
  V3Answer close(const V3Merchant& merchant, const std::string& outTradeNo, const std::string& body);
  // Only a paid v3 order is refunded; see V3RefundStore::make for the rules.
  V3Answer refund(const V3Merchant& merchant, const std::string& body);
  V3Answer queryRefund(const V3Merchant& merchant, const std::string& outRefundNo);

  const V3Merchants& merchants_;
  OrderStore& store_;
  V3RefundStore& refunds_;
  V3RefundProcessor& processor_;
};

}  // namespace paynext::tools::gatewaysim
