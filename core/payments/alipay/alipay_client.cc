#include "core/payments/alipay/alipay_client.h"

#include <istream>
#include <memory>
#include <sstream>

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>

#include "core/net/gateway_session.h"
#include "core/payments/alipay/alipay_form.h"
#include "core/payments/alipay/alipay_keys.h"
#include "core/payments/alipay/alipay_request.h"
#include "core/payments/alipay/alipay_response.h"
#include "paynext/sdk/reply_excerpt.h"

namespace paynext::core::payments::alipay {

namespace {

const std::string kTradeQuery = "alipay.trade.query";
const std::string kSuccess = "10000";

// A member of the response node as text; Alipay sends strings, but a number
// is read as the text it stands for.
std::string text(const Poco::JSON::Object::Ptr& node, const std::string& name) {
  if (!node->has(name)) return {};
  const Poco::Dynamic::Var value = node->get(name);
  return value.isEmpty() ? std::string() : value.convert<std::string>();
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

  TradeQueryResult result;
  result.tradeStatus = text(answer.node, "trade_status");
  result.tradeNo = text(answer.node, "trade_no");
  result.outTradeNo = text(answer.node, "out_trade_no");
  if (result.tradeStatus.empty()) throw AlipayError(method + ": the answer has no trade_status");
  if (result.outTradeNo != outTradeNo) throw AlipayError(method + ": the answer is for another order");
  const auto fen = sdk::parseYuan(text(answer.node, "total_amount"));
  if (!fen) throw AlipayError(method + ": the answer's total_amount is not an amount in yuan");
  result.totalFen = *fen;
  return result;
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
