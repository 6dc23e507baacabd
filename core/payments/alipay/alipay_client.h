#pragma once
// Merchant-side calls of the 支付宝开放平台 gateway: alipay.trade.query,
// alipay.trade.close, alipay.trade.refund, alipay.trade.fastpay.refund.query.
#include <cstddef>
#include <string>

#include <Poco/Crypto/RSAKey.h>
#include <Poco/JSON/Object.h>
#include <Poco/URI.h>

#include "core/payments/alipay/alipay_error.h"
#include "core/payments/alipay/alipay_refund.h"
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

  // alipay.trade.close by out_trade_no: only a trade waiting for the buyer
  // closes. Refusals throw AlipayError with subCode() "ACQ.TRADE_NOT_EXIST"
  // (the buyer never opened the cashier: there is no trade, so nothing can be
  // paid) or "ACQ.TRADE_STATUS_ERROR" (paid, or already closed).
  void tradeClose(const std::string& outTradeNo) const;

  // alipay.trade.refund, refund_amount in yuan. Refused before sending: an
  // empty out_trade_no or out_request_no, ids over 64 characters, a reason
  // over 256, an amount not above 0. Alipay's refusals carry subCode():
  // ACQ.TRADE_NOT_EXIST, ACQ.TRADE_STATUS_ERROR (not paid),
  // ACQ.REASON_TRADE_REFUND_FEE_ERR (the refunds would exceed the total),
  // ACQ.DISCORDANT_REPEAT_REQUEST (out_request_no reused with another
  // amount), ACQ.SELLER_BALANCE_NOT_ENOUGH...
  RefundResult tradeRefund(const RefundRequest& request) const;

  // alipay.trade.fastpay.refund.query of one refund (out_request_no) of the
  // trade. A trade Alipay does not know throws ACQ.TRADE_NOT_EXIST; a refund
  // it does not have is a result with refunded() false.
  RefundQueryResult refundQuery(const std::string& outTradeNo, const std::string& outRequestNo) const;

 private:
  // Signs and posts one call; returns the response node once its signature
  // verified and its code is 10000, else throws AlipayError.
  Poco::JSON::Object::Ptr call(const std::string& method, const Poco::JSON::Object& biz) const;
  std::string post(const std::string& method, const std::string& body) const;

  AlipayConfig config_;
  Poco::Crypto::RSAKey privateKey_;
  Poco::Crypto::RSAKey alipayPublicKey_;
  Poco::URI gateway_;
};

}  // namespace paynext::core::payments::alipay
