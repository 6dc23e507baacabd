#pragma once
// Merchant-side calls of WeChat Pay API v2 (unifiedorder, orderquery,
// closeorder, refund, refundquery).
#include <cstddef>
#include <cstdint>
#include <string>

#include <Poco/URI.h>

#include "core/payments/wxpay/wxpay_error.h"
#include "core/payments/wxpay/wxpay_sign.h"

namespace paynext::core::payments::wxpay {

struct WxpayV2Config {
  std::string appId;
  std::string mchId;
  std::string apiKey;  // secret: never logged, never put in an error message
  // The merchant's API certificate (apiclient_cert.pem) and its private key
  // (apiclient_key.pem) as PEM text, for the calls under /secapi/ (refund)
  // that WeChat accepts only over mutual TLS. The key is a secret like apiKey.
  std::string apiClientCertPem;
  std::string apiClientKeyPem;
  SignType signType = SignType::Md5;
  std::string gatewayBaseUrl = "https://api.mch.weixin.qq.com";  // http or https, optionally with a path prefix
  int connectTimeoutMs = 5000;
  int timeoutMs = 10000;                   // each send and each receive
  std::size_t maxResponseBytes = 1 << 20;  // WeChat's answers are a few hundred bytes
};

struct UnifiedOrderRequest {
  std::string outTradeNo;
  std::string body;
  std::int64_t totalFee = 0;  // fen
  std::string notifyUrl;
  std::string tradeType = "JSAPI";  // JSAPI, APP, NATIVE, MWEB
  std::string openid;               // required by WeChat for JSAPI; empty = not sent
  std::string spbillCreateIp;
};

struct RefundRequest {
  std::string outTradeNo;
  std::string outRefundNo;  // the merchant's refund number: a retry with the same one is the same refund
  std::int64_t totalFee = 0;   // fen, the order's
  std::int64_t refundFee = 0;  // fen, this refund's
  std::string refundDesc;      // empty = not sent
  std::string notifyUrl;       // empty = not sent (the merchant platform's refund notify_url applies)
};

// errCode() of an answer with return_code FAIL: WeChat turned the request
// away (a bad signature, certificate or parameter) without acting on it.
inline const std::string kReturnFail = "RETURN_FAIL";

// One merchant's client. Every call signs its request with the merchant key,
// checks the answer's signature and merchant, and returns the answer's fields
// only when both return_code and result_code are SUCCESS; anything else
// throws WxpayError: errCode() is result_code's err_code, kReturnFail, or
// empty when no answer came (or one that could not be trusted).
// Cheap to construct; safe to use from several threads.
class WxpayV2Client {
 public:
  // Throws WxpayError when gatewayBaseUrl is not an http(s) URL.
  explicit WxpayV2Client(WxpayV2Config config);

  // POST <base>/pay/unifiedorder; the answer holds prepay_id (and code_url
  // for NATIVE, mweb_url for MWEB).
  Fields unifiedOrder(const UnifiedOrderRequest& request) const;

  // POST <base>/pay/orderquery; the answer holds trade_state (SUCCESS,
  // NOTPAY, CLOSED, ...). An order WeChat does not know throws WxpayError
  // with errCode() == "ORDERNOTEXIST".
  Fields orderQuery(const std::string& outTradeNo) const;

  // POST <base>/pay/closeorder. Closing an order WeChat already closed is
  // not a success: errCode() tells the outcomes apart -- "ORDERPAID" (paid
  // meanwhile: do not close, query and settle it), "ORDERCLOSED" (closed
  // already), "SYSTEMERROR" (retry).
  Fields closeOrder(const std::string& outTradeNo) const;

  // POST <base>/secapi/pay/refund over mutual TLS with the API certificate;
  // throws WxpayError before any connection when the certificate is not
  // configured. The answer holds refund_id: the refund is then PROCESSING
  // until refundQuery or the refund notification says otherwise. errCode()
  // as WeChat documents it (NOTENOUGH, ERROR, ORDERNOTEXIST, ...).
  Fields refund(const RefundRequest& request) const;

  // POST <base>/pay/refundquery by out_refund_no; the answer holds
  // refund_count and, per refund n from 0, out_refund_no_n, refund_id_n,
  // refund_fee_n, refund_status_n (SUCCESS, REFUNDCLOSE, PROCESSING, CHANGE)
  // and refund_success_time_n. A refund WeChat does not know throws
  // WxpayError with errCode() == "REFUNDNOTEXIST".
  Fields refundQuery(const std::string& outRefundNo) const;

 private:
  Fields call(const std::string& api, Fields request, const std::string& path = {}, bool mutualTls = false) const;
  std::string post(const std::string& api, const std::string& path, const std::string& body, bool mutualTls) const;

  WxpayV2Config config_;
  Poco::URI base_;
};

}  // namespace paynext::core::payments::wxpay
