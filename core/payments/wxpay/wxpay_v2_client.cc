#include "core/payments/wxpay/wxpay_v2_client.h"


#include <Poco/Exception.h>

#include "core/crypto/digest.h"
#include "core/net/client_certificate.h"
#include "core/net/gateway_session.h"
#include "core/payments/wxpay/wxpay_xml.h"
#include "paynext/sdk/reply_excerpt.h"

namespace paynext::core::payments::wxpay {

namespace {

const std::string kSuccess = "SUCCESS";

std::string field(const Fields& fields, const std::string& name) {
  const auto it = fields.find(name);
  return it == fields.end() ? std::string() : it->second;
}

}  // namespace

WxpayV2Client::WxpayV2Client(WxpayV2Config config) : config_(std::move(config)) {
  try {
    base_ = Poco::URI(config_.gatewayBaseUrl);
  } catch (const Poco::Exception& e) {
    throw WxpayError("gateway URL is not valid: " + e.message());
  }
  if ((base_.getScheme() != "http" && base_.getScheme() != "https") || base_.getHost().empty()) {
    throw WxpayError("gateway URL must be http:// or https://, not '" + config_.gatewayBaseUrl + "'");
  }
}

Fields WxpayV2Client::unifiedOrder(const UnifiedOrderRequest& request) const {
  const std::string api = "unifiedorder";
  if (request.totalFee <= 0) throw WxpayError(api + ": total_fee must be a positive number of fen");
  if (request.outTradeNo.empty() || request.body.empty() || request.notifyUrl.empty() || request.tradeType.empty() ||
      request.spbillCreateIp.empty()) {
    throw WxpayError(api + ": out_trade_no, body, notify_url, trade_type and spbill_create_ip are required");
  }
  Fields fields{{"body", request.body},
                {"out_trade_no", request.outTradeNo},
                {"total_fee", std::to_string(request.totalFee)},
                {"spbill_create_ip", request.spbillCreateIp},
                {"notify_url", request.notifyUrl},
                {"trade_type", request.tradeType}};
  if (!request.openid.empty()) fields["openid"] = request.openid;
  Fields answer = call(api, std::move(fields));
  if (field(answer, "prepay_id").empty()) throw WxpayError(api + ": the answer has no prepay_id");
  return answer;
}

Fields WxpayV2Client::orderQuery(const std::string& outTradeNo) const {
  if (outTradeNo.empty()) throw WxpayError("orderquery: out_trade_no is required");
  return call("orderquery", {{"out_trade_no", outTradeNo}});
}

Fields WxpayV2Client::closeOrder(const std::string& outTradeNo) const {
  if (outTradeNo.empty()) throw WxpayError("closeorder: out_trade_no is required");
  return call("closeorder", {{"out_trade_no", outTradeNo}});
}

Fields WxpayV2Client::refund(const RefundRequest& request) const {
  const std::string api = "refund";
  if (config_.apiClientCertPem.empty() || config_.apiClientKeyPem.empty()) {
    throw WxpayError(api + ": the merchant's API certificate (apiclient_cert and its key) is not configured");
  }
  if (request.outTradeNo.empty() || request.outRefundNo.empty()) {
    throw WxpayError(api + ": out_trade_no and out_refund_no are required");
  }
  if (request.totalFee <= 0 || request.refundFee <= 0 || request.refundFee > request.totalFee) {
    throw WxpayError(api + ": refund_fee must be a positive number of fen, at most total_fee");
  }
  Fields fields{{"out_trade_no", request.outTradeNo},
                {"out_refund_no", request.outRefundNo},
                {"total_fee", std::to_string(request.totalFee)},
                {"refund_fee", std::to_string(request.refundFee)}};
  if (!request.refundDesc.empty()) fields["refund_desc"] = request.refundDesc;
  if (!request.notifyUrl.empty()) fields["notify_url"] = request.notifyUrl;
  Fields answer = call(api, std::move(fields), "/secapi/pay/refund", true);
  if (field(answer, "refund_id").empty()) throw WxpayError(api + ": the answer has no refund_id");
  return answer;
}

Fields WxpayV2Client::refundQuery(const std::string& outRefundNo) const {
  if (outRefundNo.empty()) throw WxpayError("refundquery: out_refund_no is required");
  return call("refundquery", {{"out_refund_no", outRefundNo}});
}

Fields WxpayV2Client::call(const std::string& api, Fields request, const std::string& path, bool mutualTls) const {
  request["appid"] = config_.appId;
  request["mch_id"] = config_.mchId;
  request["nonce_str"] = crypto::randomHex(16);
  request["sign_type"] = signTypeName(config_.signType);
  request["sign"] = sign(request, config_.apiKey, config_.signType);

  Fields answer;
  try {
    answer = parseXml(post(api, path.empty() ? "/pay/" + api : path, toXml(request), mutualTls));
  } catch (const WxpayXmlError& e) {
    throw WxpayError(api + ": unreadable answer: " + e.what());
  }
  if (field(answer, "return_code") != kSuccess) {
    // Unsigned words of the far side: shown only as a short sanitised excerpt.
    throw WxpayError(api + " refused: " +
                         sdk::replyExcerpt(field(answer, "return_code") + " " + field(answer, "return_msg")),
                     kReturnFail);
  }
  // WeChat signs its answers with the sign type of the request.
  if (!verify(answer, config_.apiKey, config_.signType)) throw WxpayError(api + ": the answer's signature is wrong");
  if (field(answer, "appid") != config_.appId || field(answer, "mch_id") != config_.mchId) {
    throw WxpayError(api + ": the answer is for another merchant");
  }
  if (field(answer, "result_code") != kSuccess) {
    const std::string code = field(answer, "err_code");
    throw WxpayError(api + " failed: " + code + " " + field(answer, "err_code_des"), code);
  }
  return answer;
}

std::string WxpayV2Client::post(const std::string& api, const std::string& apiPath, const std::string& body,
                                bool mutualTls) const {
  std::string path = base_.getPath();
  while (!path.empty() && path.back() == '/') path.pop_back();
  path += apiPath;
  try {
    // Over plain http (a local simulator) the certificate is loaded but has
    // no TLS to be presented in.
    const auto certificate =
        mutualTls ? net::clientCertificate(config_.apiClientCertPem, config_.apiClientKeyPem) : nullptr;
    return net::postToGateway(base_, path, "text/xml; charset=UTF-8", body,
                              {config_.connectTimeoutMs, config_.timeoutMs, config_.maxResponseBytes}, certificate);
  } catch (const net::GatewayError& e) {
    throw WxpayError(api + ": " + e.what());
  }
}

}  // namespace paynext::core::payments::wxpay
