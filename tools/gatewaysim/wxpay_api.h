#pragma once
// The merchant-facing WeChat Pay v2 endpoints: /pay/unifiedorder,
// /pay/orderquery, /pay/closeorder, /secapi/pay/refund and /pay/refundquery.
// Each takes the request's XML body and returns the XML to answer with
// (always HTTP 200, as WeChat does).
#include <string>

#include "core/payments/wxpay/wxpay_sign.h"
#include "tools/gatewaysim/merchants.h"
#include "tools/gatewaysim/order_store.h"
#include "tools/gatewaysim/refund_processor.h"
#include "tools/gatewaysim/refund_store.h"

namespace paynext::tools::gatewaysim {

// How a /secapi/ call arrived: over TLS with this client certificate (its
// fingerprint, empty when none), or over plain HTTP where none can be shown.
struct SecapiCaller {
  bool tls = false;
  std::string certificateFingerprint;
};

class WxpayApi {
 public:
  // secapiWithoutTls: accept /secapi/ over plain HTTP, unchecked (tests).
  WxpayApi(const Merchants& merchants, OrderStore& store, RefundStore& refunds, RefundProcessor& processor,
           bool secapiWithoutTls)
      : merchants_(merchants),
        store_(store),
        refunds_(refunds),
        processor_(processor),
        secapiWithoutTls_(secapiWithoutTls) {}

  std::string unifiedOrder(const std::string& body);
  std::string orderQuery(const std::string& body);
  // ORDERPAID for a paid order, ORDERCLOSED for a closed one; closes it otherwise.
  std::string closeOrder(const std::string& body);
  // Needs the merchant's API certificate (see SecapiCaller); the order paid;
  // at most what is left of its total_fee; the same out_refund_no again is
  // the same refund. Accepted refunds are PROCESSING until the processor
  // finishes them.
  std::string refund(const std::string& body, const SecapiCaller& caller);
  std::string refundQuery(const std::string& body);
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
  RefundStore& refunds_;
  RefundProcessor& processor_;
  const bool secapiWithoutTls_;
};

}  // namespace paynext::tools::gatewaysim
