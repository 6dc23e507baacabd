#pragma once
// The merchant-facing WeChat Pay v2 endpoints: /pay/unifiedorder and
// /pay/orderquery. Each takes the request's XML body and returns the XML to
// answer with (always HTTP 200, as WeChat does).
#include <string>

#include "core/payments/wxpay/wxpay_sign.h"
#include "tools/gatewaysim/merchants.h"
#include "tools/gatewaysim/order_store.h"

namespace paynext::tools::gatewaysim {

class WxpayApi {
 public:
  WxpayApi(const Merchants& merchants, OrderStore& store) : merchants_(merchants), store_(store) {}

  std::string unifiedOrder(const std::string& body);
  std::string orderQuery(const std::string& body);
  // What WeChat answers to a request that is not a POST.
  static std::string requirePost();

 private:
  struct Caller {
    const Merchant* merchant;
    core::payments::wxpay::SignType signType;
  };
  // Parses, finds the merchant and checks appid and signature; throws
  // ReturnFail (answered as return_code FAIL) otherwise.
  Caller authenticate(const std::string& body, core::payments::wxpay::Fields& fields) const;

  const Merchants& merchants_;
  OrderStore& store_;
};

}  // namespace paynext::tools::gatewaysim
