#pragma once
// Merchant-side calls of the 支付宝开放平台 gateway (alipay.trade.query).
#include <cstddef>
#include <string>

#include <Poco/Crypto/RSAKey.h>
#include <Poco/URI.h>

#include "core/payments/alipay/alipay_error.h"
#include "core/payments/alipay/alipay_sign.h"
#include "paynext/sdk/money.h"

namespace paynext::core::payments::alipay {

struct AlipayConfig {
  std::string appId;
  std::string privateKey;       // application private key, PEM or bare base64; secret
  std::string alipayPublicKey;  // "支付宝公钥", PEM or bare base64
  std::string gatewayUrl = "https://openapi.alipay.com/gateway.do";  // http or https
  int connectTimeoutMs = 5000;
  int timeoutMs = 10000;                   // each send and each receive
  std::size_t maxResponseBytes = 1 << 20;  // a trade query answer is about 1 KB
};

struct TradeQueryResult {
  std::string tradeStatus;  // WAIT_BUYER_PAY, TRADE_SUCCESS, TRADE_FINISHED, TRADE_CLOSED
  sdk::Fen totalFen = 0;
  std::string tradeNo;  // Alipay's trade number
  std::string outTradeNo;
};

// One merchant's client. Every call POSTs the signed common parameters and
// biz_content as a UTF-8 form to the gateway, checks the answer's RSA2
// signature over the raw response node with Alipay's public key, and returns
// only when code is 10000; anything else throws AlipayError. Cheap to copy;
// safe to use from several threads.
class AlipayClient {
 public:
  // Loads both keys and checks the gateway URL; throws AlipayError.
  explicit AlipayClient(AlipayConfig config);

  // alipay.trade.query by out_trade_no. A trade Alipay does not know (the
  // buyer never opened the cashier) throws AlipayError with code() "40004"
  // and subCode() "ACQ.TRADE_NOT_EXIST".
  TradeQueryResult tradeQuery(const std::string& outTradeNo) const;

 private:
  std::string post(const std::string& method, const std::string& body) const;

  AlipayConfig config_;
  Poco::Crypto::RSAKey privateKey_;
  Poco::Crypto::RSAKey alipayPublicKey_;
  Poco::URI gateway_;
};

}  // namespace paynext::core::payments::alipay
