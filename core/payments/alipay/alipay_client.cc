#include "core/payments/alipay/alipay_client.h"

#include <istream>
#include <memory>
#include <sstream>

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>

#include "core/common/utf8_characters.h"
#include "core/net/gateway_session.h"
#include "core/payments/alipay/alipay_form.h"
#include "core/payments/alipay/alipay_keys.h"
#include "core/payments/alipay/alipay_request.h"
#include "core/payments/alipay/alipay_response.h"
#include "paynext/sdk/reply_excerpt.h"

namespace paynext::core::payments::alipay {

namespace {

const std::string kTradeQuery = "alipay.trade.query";
const std::string kTradeClose = "alipay.trade.close";
const std::string kTradeRefund = "alipay.trade.refund";
const std::string kRefundQuery = "alipay.trade.fastpay.refund.query";
const std::string kSuccess = "10000";
// The documents' limits: out_trade_no and out_request_no String(64),
// refund_reason String(256).
const std::size_t kMaxIdLength = 64;
const std::size_t kMaxReasonCharacters = 256;

// A member of the response node as text; Alipay sends strings, but a number
// is read as the text it stands for.
std::string text(const Poco::JSON::Object::Ptr& node, const std::string& name) {
  if (!node->has(name)) return {};
  const Poco::Dynamic::Var value = node->get(name);
  return value.isEmpty() ? std::string() : value.convert<std::string>();
}

// An amount in yuan from the answer, as fen; a missing or malformed one is an error.
sdk::Fen fenOf(const Poco::JSON::Object::Ptr& node, const std::string& name, const std::string& method) {
  const auto fen = sdk::parseYuan(text(node, name));
  if (!fen) throw AlipayError(method + ": the answer's " + name + " is not an amount in yuan");
  return *fen;
}

void checkId(const std::string& method, const std::string& name, const std::string& id) {
  if (id.empty()) throw AlipayError(method + ": " + name + " is required");
  if (id.size() > kMaxIdLength) throw AlipayError(method + ": " + name + " is longer than 64 characters");
}

Poco::Crypto::RSAKey loadKey(const std::string& pem, bool isPrivate, const std::string& what) {
  try {
    return isPrivate ? loadPrivateKey(pem) : loadPublicKey(pem);
  } catch (const AlipayError& e) {
    throw AlipayError(what + " " + e.what());
  }
}

}  // namespace

AlipayClient::AlipayClient(AlipayConfig config)
    : config_(std::move(config)),
      privateKey_(loadKey(config_.privateKey, true, "application")),
      alipayPublicKey_(loadKey(config_.alipayPublicKey, false, "Alipay")) {
  try {
    gateway_ = Poco::URI(config_.gatewayUrl);
  } catch (const Poco::Exception& e) {
    throw AlipayError("gateway URL is not valid: " + e.message());
  }
  if ((gateway_.getScheme() != "http" && gateway_.getScheme() != "https") || gateway_.getHost().empty()) {
    throw AlipayError("gateway URL must be http:// or https://, not '" + config_.gatewayUrl + "'");
  }
}

TradeQueryResult AlipayClient::tradeQuery(const std::string& outTradeNo) const {
  const std::string& method = kTradeQuery;
  if (outTradeNo.empty()) throw AlipayError(method + ": out_trade_no is required");
  Poco::JSON::Object biz;
  biz.set("out_trade_no", outTradeNo);
  const Poco::JSON::Object::Ptr node = call(method, biz);

  TradeQueryResult result;
  result.tradeStatus = text(node, "trade_status");
  result.tradeNo = text(node, "trade_no");
  result.outTradeNo = text(node, "out_trade_no");
  if (result.tradeStatus.empty()) throw AlipayError(method + ": the answer has no trade_status");
  if (result.outTradeNo != outTradeNo) throw AlipayError(method + ": the answer is for another order");
  result.totalFen = fenOf(node, "total_amount", method);
  return result;
}

void AlipayClient::tradeClose(const std::string& outTradeNo) const {
  const std::string& method = kTradeClose;
  if (outTradeNo.empty()) throw AlipayError(method + ": out_trade_no is required");
  Poco::JSON::Object biz;
  biz.set("out_trade_no", outTradeNo);
  const Poco::JSON::Object::Ptr node = call(method, biz);
  if (text(node, "out_trade_no") != outTradeNo) throw AlipayError(method + ": the answer is for another order");
}

RefundResult AlipayClient::tradeRefund(const RefundRequest& request) const {
  const std::string& method = kTradeRefund;
  checkId(method, "out_trade_no", request.outTradeNo);
  checkId(method, "out_request_no", request.outRequestNo);
  if (utf8Characters(request.reason) > kMaxReasonCharacters)
    throw AlipayError(method + ": refund_reason is longer than 256 characters");
  if (request.refundFen <= 0 || request.refundFen > sdk::kMaxFen)
    throw AlipayError(method + ": refund_amount must be above 0");
  Poco::JSON::Object biz;
  biz.set("out_trade_no", request.outTradeNo);
  biz.set("refund_amount", sdk::formatYuan(request.refundFen));
  if (!request.reason.empty()) biz.set("refund_reason", request.reason);
  biz.set("out_request_no", request.outRequestNo);
  const Poco::JSON::Object::Ptr node = call(method, biz);

  RefundResult result;
  const std::string fundChange = text(node, "fund_change");
  if (fundChange != "Y" && fundChange != "N") throw AlipayError(method + ": the answer's fund_change is not Y or N");
  result.fundChange = fundChange == "Y";
  result.tradeNo = text(node, "trade_no");
  result.outTradeNo = text(node, "out_trade_no");
  result.gmtRefundPay = text(node, "gmt_refund_pay");
  if (result.outTradeNo != request.outTradeNo) throw AlipayError(method + ": the answer is for another order");
  result.refundFeeFen = fenOf(node, "refund_fee", method);
  // refund_fee counts every refund of the trade, so it is never below this one.
  if (result.refundFeeFen < request.refundFen)
    throw AlipayError(method + ": the answer's refund_fee is less than the refund asked for");
  return result;
}

RefundQueryResult AlipayClient::refundQuery(const std::string& outTradeNo, const std::string& outRequestNo) const {
  const std::string& method = kRefundQuery;
  checkId(method, "out_trade_no", outTradeNo);
  checkId(method, "out_request_no", outRequestNo);
  Poco::JSON::Object biz;
  biz.set("out_trade_no", outTradeNo);
  biz.set("out_request_no", outRequestNo);
  const Poco::JSON::Object::Ptr node = call(method, biz);

  RefundQueryResult result;
  result.refundStatus = text(node, "refund_status");
  result.tradeNo = text(node, "trade_no");
  result.outTradeNo = text(node, "out_trade_no");
  result.outRequestNo = text(node, "out_request_no");
  // Alipay may leave the ids out of a "no such refund" answer, but never
  // names another order or refund.
  if (!result.outTradeNo.empty() && result.outTradeNo != outTradeNo)
    throw AlipayError(method + ": the answer is for another order");
  if (!result.outRequestNo.empty() && result.outRequestNo != outRequestNo)
    throw AlipayError(method + ": the answer is for another refund");
  if (!result.refundStatus.empty() && !result.refunded())
    throw AlipayError(method + ": unknown refund_status " + sdk::replyExcerpt(result.refundStatus));
  if (result.refunded() || !text(node, "refund_amount").empty()) result.refundFen = fenOf(node, "refund_amount", method);
  if (!text(node, "total_amount").empty()) result.totalFen = fenOf(node, "total_amount", method);
  return result;
}

Poco::JSON::Object::Ptr AlipayClient::call(const std::string& method, const Poco::JSON::Object& biz) const {
  std::ostringstream bizContent;
  biz.stringify(bizContent);
  const Params request = signRequest({config_.appId, method, bizContent.str(), {}, {}}, privateKey_);

  const std::string body = post(method, encodeForm(request));
  SignedResponse answer;
  try {
    answer = parseResponse(body, method);
  } catch (const AlipayError& e) {
    throw AlipayError(method + ": unreadable answer: " + e.what());
  }
  const std::string code = text(answer.node, "code");
  const std::string subCode = text(answer.node, "sub_code");
  const std::string failure =
      code + " " + text(answer.node, "msg") + " (" + subCode + " " + text(answer.node, "sub_msg") + ")";
  if (answer.sign.empty()) {
    // Alipay leaves some gateway-level failures unsigned. Report them, but
    // without code()/subCode(): an unsigned code proves nothing.
    if (code == kSuccess) throw AlipayError(method + ": the answer is not signed");
    throw AlipayError(method + " failed (unsigned answer): " + sdk::replyExcerpt(failure));
  }
  if (!verifyResponse(answer, alipayPublicKey_)) throw AlipayError(method + ": the answer's signature is wrong");
  if (code != kSuccess) throw AlipayError(method + " failed: " + failure, code, subCode);
  return answer.node;
}

std::string AlipayClient::post(const std::string& method, const std::string& body) const {
  try {
    return net::postToGateway(gateway_, gateway_.getPathAndQuery(), "application/x-www-form-urlencoded;charset=utf-8",
                              body, {config_.connectTimeoutMs, config_.timeoutMs, config_.maxResponseBytes});
  } catch (const net::GatewayError& e) {
    throw AlipayError(method + ": " + e.what());
  }
}

}  // namespace paynext::core::payments::alipay
