#pragma once
// Merchant-side calls of WeChat Pay API v3: JSAPI / APP prepay, the order
// query by out_trade_no, closing an order, refunds and the refund query. Requests carry the merchant signature;
// answers are accepted only with a valid platform signature.
#include <cstddef>
#include <cstdint>
#include <string>

#include <Poco/URI.h>

#include "core/payments/wxpay_v3/v3_error.h"
#include "core/payments/wxpay_v3/v3_refund.h"
#include "core/payments/wxpay_v3/v3_request_signer.h"
#include "core/payments/wxpay_v3/v3_response_verifier.h"
#include "core/payments/wxpay_v3/v3_transaction.h"

namespace paynext::core::payments::wxpay_v3 {

struct WxpayV3Config {
  std::string appId;
  std::string gatewayBaseUrl = "https://api.mch.weixin.qq.com";  // http or https, optionally with a path prefix
  int connectTimeoutMs = 5000;
  int timeoutMs = 10000;                   // each send and each receive
  std::size_t maxResponseBytes = 1 << 20;  // WeChat's answers are a few kilobytes
};

struct V3PrepayRequest {
  std::string description;
  std::string outTradeNo;
  std::string notifyUrl;
  std::int64_t totalFen = 0;
  std::string currency = "CNY";
  std::string payerOpenid;  // JSAPI (and mini-program): required; APP: not sent
};

// One merchant's client (mchid is the signer's). Cheap to construct; safe to
// use from several threads. Every failure throws WxpayV3Error; code() is
// WeChat's error code when an error answer carried a valid signature.
class WxpayV3Client {
 public:
  // Throws WxpayV3Error when gatewayBaseUrl is not an http(s) URL.
  WxpayV3Client(WxpayV3Config config, V3RequestSigner signer, V3ResponseVerifier verifier);

  // POST <base>/v3/pay/transactions/jsapi; the prepay_id.
  std::string jsapiPrepay(const V3PrepayRequest& request) const;
  // POST <base>/v3/pay/transactions/app; the prepay_id.
  std::string appPrepay(const V3PrepayRequest& request) const;

  // GET <base>/v3/pay/transactions/out-trade-no/{outTradeNo}?mchid=...; an
  // order WeChat does not know throws with code() == "ORDER_NOT_EXIST". The
  // answer must name this merchant, app and order.
  V3Transaction queryByOutTradeNo(const std::string& outTradeNo) const;

  // 关闭订单: POST <base>/v3/pay/transactions/out-trade-no/{outTradeNo}/close
  // with {"mchid"}; WeChat answers 204 and no body, signed. Refusals carry
  // code() (ORDER_NOT_EXIST...).
  void closeOrder(const std::string& outTradeNo) const;

  // 退款申请: POST <base>/v3/refund/domestic/refunds with out_trade_no,
  // out_refund_no, reason, notify_url and amount {refund, total, currency
  // CNY}. Refused before sending: empty ids, out_trade_no over 32 or
  // out_refund_no over 64 characters, a reason over 80, refund not in
  // (0, total]. The answer (usually PROCESSING; the outcome comes by
  // notification or queryRefund) must be for this order, refund and amount.
  // Refusals carry code(): NOT_ENOUGH, RESOURCE_NOT_EXISTS, INVALID_REQUEST...
  V3Refund refund(const V3RefundRequest& request) const;

  // 查询单笔退款: GET <base>/v3/refund/domestic/refunds/{outRefundNo}. A
  // refund WeChat does not know throws code() "RESOURCE_NOT_EXISTS".
  V3Refund queryRefund(const std::string& outRefundNo) const;

 private:
  struct Answer {
    int status = 0;
    V3SignedMessage message;
  };

  std::string prepay(const std::string& api, const V3PrepayRequest& request, bool withPayer) const;
  // The verified body of a 2xx answer; anything else throws.
  std::string call(const std::string& api, const std::string& method, const std::string& pathAndQuery,
                   const std::string& body) const;
  Answer send(const std::string& api, const std::string& method, const std::string& pathAndQuery,
              const std::string& body) const;

  WxpayV3Config config_;
  V3RequestSigner signer_;
  V3ResponseVerifier verifier_;
  Poco::URI base_;
  std::string basePath_;  // without a trailing slash
};

}  // namespace paynext::core::payments::wxpay_v3
