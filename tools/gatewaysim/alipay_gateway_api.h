#pragma once
// The open-platform gateway, POST /gateway.do: alipay.trade.query,
// alipay.trade.close, alipay.trade.refund and
// alipay.trade.fastpay.refund.query (rules in alipay_trade_methods.h),
// verified with the app's public key and answered signed with "Alipay's"
// private key:
//   {"alipay_trade_query_response":{...},"sign":"..."}
// Gateway-level failures (unknown app, bad signature...) are answered as
// {"error_response":{"code","msg","sub_code","sub_msg"}}, unsigned.
#include <string>

#include "tools/gatewaysim/alipay_apps.h"
#include "tools/gatewaysim/alipay_order_store.h"

namespace paynext::tools::gatewaysim {

class AlipayGatewayApi {
 public:
  AlipayGatewayApi(const AlipayApps& apps, AlipayOrderStore& store) : apps_(apps), store_(store) {}

  // query: the URI's query string; body: the form body. Their parameters are
  // merged (SDKs put some in each). Returns the JSON to answer with HTTP 200.
  std::string handle(const std::string& query, const std::string& body) const;

 private:
  const AlipayApps& apps_;
  AlipayOrderStore& store_;
};

}  // namespace paynext::tools::gatewaysim
