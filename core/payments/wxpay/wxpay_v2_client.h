#pragma once
// Merchant-side calls of WeChat Pay API v2 (unifiedorder, orderquery).
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

// One merchant's client. Every call signs its request with the merchant key,
// checks the answer's signature and merchant, and returns the answer's fields
// only when both return_code and result_code are SUCCESS; anything else
// throws WxpayError. Cheap to construct; safe to use from several threads.
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

 private:
  Fields call(const std::string& api, Fields request) const;
  std::string post(const std::string& api, const std::string& body) const;

  WxpayV2Config config_;
  Poco::URI base_;
};

}  // namespace paynext::core::payments::wxpay
