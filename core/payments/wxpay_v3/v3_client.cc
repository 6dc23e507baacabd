#include "core/payments/wxpay_v3/v3_client.h"

#include <istream>
#include <memory>
#include <sstream>

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>

#include "core/common/utf8_characters.h"
#include "core/net/gateway_session.h"
#include "core/net/outbound_session.h"
#include "paynext/sdk/http_client.h"
#include "core/payments/wxpay_v3/v3_json.h"

namespace paynext::core::payments::wxpay_v3 {

namespace {

const std::string kJson = "application/json";
const std::string kUserAgent = "paynext-wxpay-v3/1";  // WeChat refuses v3 calls without a User-Agent

std::string toJson(const Poco::JSON::Object& object) {
  std::ostringstream out;
  object.stringify(out);
  return out.str();
}

// The two fields of an API v3 error answer, when it is one.
std::pair<std::string, std::string> errorFields(const std::string& body) {
  try {
    const auto object = parseJsonObject(body, "error answer");
    return {optionalString(*object, "code", "error answer"), optionalString(*object, "message", "error answer")};
  } catch (const WxpayV3Error&) {
    return {};
  }
}

// text as one path segment: what a path would read as structure is escaped.
std::string pathSegment(const std::string& text) {
  std::string segment;
  Poco::URI::encode(text, "/?#", segment);
  return segment;
}

}  // namespace

WxpayV3Client::WxpayV3Client(WxpayV3Config config, V3RequestSigner signer, V3ResponseVerifier verifier)
    : config_(std::move(config)), signer_(std::move(signer)), verifier_(std::move(verifier)) {
  try {
    base_ = Poco::URI(config_.gatewayBaseUrl);
  } catch (const Poco::Exception& e) {
    throw WxpayV3Error("gateway URL is not valid: " + e.message());
  }
  if ((base_.getScheme() != "http" && base_.getScheme() != "https") || base_.getHost().empty()) {
    throw WxpayV3Error("gateway URL must be http:// or https://, not '" + config_.gatewayBaseUrl + "'");
  }
  basePath_ = base_.getPath();
  while (!basePath_.empty() && basePath_.back() == '/') basePath_.pop_back();
}

std::string WxpayV3Client::jsapiPrepay(const V3PrepayRequest& request) const {
  if (request.payerOpenid.empty()) throw WxpayV3Error("jsapi: payer openid is required");
  return prepay("jsapi", request, true);
}

std::string WxpayV3Client::appPrepay(const V3PrepayRequest& request) const { return prepay("app", request, false); }

std::string WxpayV3Client::prepay(const std::string& api, const V3PrepayRequest& request, bool withPayer) const {
  if (request.totalFen <= 0) throw WxpayV3Error(api + ": amount.total must be a positive number of fen");
  if (request.description.empty() || request.outTradeNo.empty() || request.notifyUrl.empty()) {
    throw WxpayV3Error(api + ": description, out_trade_no and notify_url are required");
  }
  Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
  body.set("appid", config_.appId);
  body.set("mchid", signer_.mchId());
  body.set("description", request.description);
  body.set("out_trade_no", request.outTradeNo);
  body.set("notify_url", request.notifyUrl);
  Poco::JSON::Object::Ptr amount = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  amount->set("total", request.totalFen);
  amount->set("currency", request.currency);
  body.set("amount", amount);
  if (withPayer) {
    Poco::JSON::Object::Ptr payer = new Poco::JSON::Object;
    payer->set("openid", request.payerOpenid);
    body.set("payer", payer);
  }
  const std::string answer = call(api, "POST", basePath_ + "/v3/pay/transactions/" + api, toJson(body));
  const std::string prepayId = requiredString(*parseJsonObject(answer, api + " answer"), "prepay_id", api + " answer");
  if (prepayId.empty()) throw WxpayV3Error(api + ": the answer has an empty prepay_id");
  return prepayId;
}

V3Transaction WxpayV3Client::queryByOutTradeNo(const std::string& outTradeNo) const {
  const std::string api = "query";
  if (outTradeNo.empty()) throw WxpayV3Error(api + ": out_trade_no is required");
  const std::string segment = pathSegment(outTradeNo);
  std::string mchId;
  Poco::URI::encode(signer_.mchId(), "&=+#", mchId);
  const V3Transaction t = parseTransaction(
      call(api, "GET", basePath_ + "/v3/pay/transactions/out-trade-no/" + segment + "?mchid=" + mchId, ""));
  if (t.mchId != signer_.mchId() || t.appId != config_.appId) {
    throw WxpayV3Error(api + ": the answer is for another merchant");
  }
  if (t.outTradeNo != outTradeNo) throw WxpayV3Error(api + ": the answer is for another order");
  return t;
}

void WxpayV3Client::closeOrder(const std::string& outTradeNo) const {
  const std::string api = "close";
  if (outTradeNo.empty()) throw WxpayV3Error(api + ": out_trade_no is required");
  Poco::JSON::Object body;
  body.set("mchid", signer_.mchId());
  call(api, "POST", basePath_ + "/v3/pay/transactions/out-trade-no/" + pathSegment(outTradeNo) + "/close",
       toJson(body));
}

V3Refund WxpayV3Client::refund(const V3RefundRequest& request) const {
  const std::string api = "refund";
  if (request.outTradeNo.empty() || request.outRefundNo.empty()) {
    throw WxpayV3Error(api + ": out_trade_no and out_refund_no are required");
  }
  if (request.outTradeNo.size() > 32) throw WxpayV3Error(api + ": out_trade_no is longer than 32 characters");
  if (request.outRefundNo.size() > 64) throw WxpayV3Error(api + ": out_refund_no is longer than 64 characters");
  if (utf8Characters(request.reason) > 80) throw WxpayV3Error(api + ": reason is longer than 80 characters");
  if (request.refundFen <= 0 || request.refundFen > request.totalFen) {
    throw WxpayV3Error(api + ": amount.refund must be above 0 and at most amount.total");
  }
  Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
  body.set("out_trade_no", request.outTradeNo);
  body.set("out_refund_no", request.outRefundNo);
  if (!request.reason.empty()) body.set("reason", request.reason);
  if (!request.notifyUrl.empty()) body.set("notify_url", request.notifyUrl);
  Poco::JSON::Object::Ptr amount = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  amount->set("refund", request.refundFen);
  amount->set("total", request.totalFen);
  amount->set("currency", "CNY");
  body.set("amount", amount);
  const V3Refund r = parseRefund(call(api, "POST", basePath_ + "/v3/refund/domestic/refunds", toJson(body)));
  if (r.outTradeNo != request.outTradeNo || r.outRefundNo != request.outRefundNo) {
    throw WxpayV3Error(api + ": the answer is for another refund");
  }
  if (r.refundFen != request.refundFen || r.totalFen != request.totalFen) {
    throw WxpayV3Error(api + ": the answer's amount differs from the request");
  }
  return r;
}

V3Refund WxpayV3Client::queryRefund(const std::string& outRefundNo) const {
  const std::string api = "refund query";
  if (outRefundNo.empty()) throw WxpayV3Error(api + ": out_refund_no is required");
  const V3Refund r =
      parseRefund(call(api, "GET", basePath_ + "/v3/refund/domestic/refunds/" + pathSegment(outRefundNo), ""));
  if (r.outRefundNo != outRefundNo) throw WxpayV3Error(api + ": the answer is for another refund");
  return r;
}

std::string WxpayV3Client::call(const std::string& api, const std::string& method, const std::string& pathAndQuery,
                                const std::string& body) const {
  const Answer answer = send(api, method, pathAndQuery, body);
  const std::string status = "HTTP " + std::to_string(answer.status);
  if (answer.status >= 200 && answer.status < 300) {
    try {
      verifier_.verify(answer.message);
    } catch (const WxpayV3Error& e) {
      throw WxpayV3Error(api + ": the answer's signature is not valid: " + e.what());
    }
    return answer.message.body;
  }
  // WeChat signs its error answers too, except when it could not check ours;
  // only a verified error code is handed on, so a forged ORDER_NOT_EXIST
  // cannot make the caller give up on a payment.
  auto [code, message] = errorFields(answer.message.body);
  bool verified = true;
  try {
    verifier_.verify(answer.message);
  } catch (const WxpayV3Error&) {
    verified = false;
  }
  std::string text = api + " failed: " + status;
  if (!code.empty()) text += " " + code;
  if (!verified) throw WxpayV3Error(text + " (no valid platform signature)");
  if (!message.empty()) text += " " + message;
  throw WxpayV3Error(text, code);
}

WxpayV3Client::Answer WxpayV3Client::send(const std::string& api, const std::string& method,
                                          const std::string& pathAndQuery, const std::string& body) const {
  try {
    auto session = net::openOutboundSession(base_, *net::gatewayOutboundPolicy(), net::systemResolve,
                                            config_.connectTimeoutMs, config_.timeoutMs);

    Poco::Net::HTTPRequest request(method, pathAndQuery, Poco::Net::HTTPMessage::HTTP_1_1);
    request.set("Authorization", signer_.authorization(method, pathAndQuery, body));
    request.set("Accept", kJson);
    request.set("User-Agent", kUserAgent);
    if (method != "GET") {
      request.setContentType(kJson);
      request.setContentLength64(static_cast<Poco::Int64>(body.size()));
    }
    session->sendRequest(request) << body;

    Poco::Net::HTTPResponse response;
    std::istream& in = session->receiveResponse(response);
    if (response.hasContentLength() &&
        response.getContentLength64() > static_cast<Poco::Int64>(config_.maxResponseBytes)) {
      throw WxpayV3Error(api + ": response larger than " + std::to_string(config_.maxResponseBytes) + " bytes");
    }
    std::string answer = net::readBounded(in, config_.maxResponseBytes);
    return Answer{static_cast<int>(response.getStatus()), signedMessageFrom(response, std::move(answer))};
  } catch (const Poco::Exception& e) {
    throw WxpayV3Error(api + ": " + e.displayText());
  } catch (const std::length_error& e) {
    throw WxpayV3Error(api + ": " + e.what());
  } catch (const sdk::HttpError& e) {  // the outbound policy refused the address
    throw WxpayV3Error(api + ": " + e.what());
  }
}

}  // namespace paynext::core::payments::wxpay_v3
