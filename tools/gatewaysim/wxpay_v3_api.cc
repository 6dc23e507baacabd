#include "tools/gatewaysim/wxpay_v3_api.h"

#include <sstream>

#include <Poco/JSON/Object.h>
#include <Poco/Logger.h>
#include <Poco/NumberParser.h>
#include <Poco/RegularExpression.h>
#include <Poco/URI.h>

#include "core/payments/wxpay_v3/v3_error.h"
#include "core/payments/wxpay_v3/v3_json.h"
#include "core/payments/wxpay_v3/v3_request_signer.h"
#include "core/payments/wxpay_v3/v3_rsa_signature.h"
#include "tools/gatewaysim/wechat_ids.h"
#include "tools/gatewaysim/wxpay_v3_refund_json.h"
#include "tools/gatewaysim/wxpay_v3_transaction_json.h"

namespace paynext::tools::gatewaysim {

namespace v3 = core::payments::wxpay_v3;

const std::string WxpayV3Api::kPrefix = "/v3/";

namespace {

const std::string kTransactions = "/v3/pay/transactions/";
const std::string kByOutTradeNo = "/v3/pay/transactions/out-trade-no/";
const std::string kCloseSuffix = "/close";
const std::string kRefunds = "/v3/refund/domestic/refunds";
constexpr std::int64_t kClockSkewSeconds = 300;

Poco::Logger& log() { return Poco::Logger::get("gatewaysim.wxpay-v3"); }

// A refusal: status, WeChat's error code and message.
struct V3Fail {
  int status;
  std::string code;
  std::string message;
};

std::string errorBody(const std::string& code, const std::string& message) {
  Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
  json.set("code", code);
  json.set("message", message);
  std::ostringstream out;
  json.stringify(out);
  return out.str();
}

// Signed by the merchant's platform key when the merchant is known (WeChat
// signs its error answers too once it knows who is asking).
V3Answer answer(const V3Merchant* merchant, int status, std::string body) {
  V3Answer a{status, std::move(body), {}};
  if (merchant) a.headers = platformSignatureHeaders(*merchant, a.body, v3::nowEpochSeconds());
  a.headers.emplace_back("Request-ID", core::payments::wxpay_v3::newNonce());
  return a;
}

// The fields of a WECHATPAY2-SHA256-RSA2048 Authorization header.
std::map<std::string, std::string> authorizationFields(const std::string& header) {
  const std::string scheme = "WECHATPAY2-SHA256-RSA2048 ";
  if (header.rfind(scheme, 0) != 0)
    throw V3Fail{401, "SIGN_ERROR", "Authorization 认证类型不是 WECHATPAY2-SHA256-RSA2048"};
  static const Poco::RegularExpression pair("([a-z_]+)=\"([^\"]*)\"");
  std::map<std::string, std::string> fields;
  std::string::size_type offset = scheme.size();
  Poco::RegularExpression::MatchVec match;
  while (offset < header.size() && pair.match(header, offset, match) > 0) {
    fields[header.substr(match[1].offset, match[1].length)] = header.substr(match[2].offset, match[2].length);
    offset = match[0].offset + match[0].length;
  }
  for (const char* name : {"mchid", "nonce_str", "signature", "timestamp", "serial_no"}) {
    if (fields[name].empty()) throw V3Fail{401, "SIGN_ERROR", std::string("Authorization 缺少 ") + name};
  }
  return fields;
}

}  // namespace

V3Answer WxpayV3Api::handle(const std::string& method, const std::string& uri, const std::string& authorization,
                            const std::string& body) {
  const V3Merchant* merchant = nullptr;
  try {
    const auto fields = authorizationFields(authorization);
    const auto found = merchants_.find(fields.at("mchid"));
    if (found == merchants_.end()) throw V3Fail{401, "SIGN_ERROR", "商户号不存在"};
    merchant = &found->second;
    if (fields.at("serial_no") != merchant->merchantSerial) {
      throw V3Fail{401, "SIGN_ERROR", "商户证书序列号有误"};
    }
    Poco::Int64 timestamp = 0;
    if (!Poco::NumberParser::tryParse64(fields.at("timestamp"), timestamp) ||
        std::llabs(v3::nowEpochSeconds() - timestamp) > kClockSkewSeconds) {
      throw V3Fail{401, "SIGN_ERROR", "timestamp 与当前时间相差过大"};
    }
    if (!v3::verifySha256WithRsa(merchant->merchantPublicKey,
                                 v3::requestSignMessage(method, uri, timestamp, fields.at("nonce_str"), body),
                                 fields.at("signature"))) {
      throw V3Fail{401, "SIGN_ERROR", "签名错误"};
    }
    const Poco::URI parsed(uri);
    const std::string path = parsed.getPath();
    if (method == "POST" && (path == kTransactions + "jsapi" || path == kTransactions + "app")) {
      return prepay(*merchant, path == kTransactions + "app" ? "APP" : "JSAPI", body);
    }
    if (method == "POST" && path.rfind(kByOutTradeNo, 0) == 0 && path.size() > kByOutTradeNo.size() + kCloseSuffix.size() &&
        path.compare(path.size() - kCloseSuffix.size(), kCloseSuffix.size(), kCloseSuffix) == 0) {
      return close(*merchant,
                   path.substr(kByOutTradeNo.size(), path.size() - kByOutTradeNo.size() - kCloseSuffix.size()), body);
    }
    if (method == "POST" && path == kRefunds) return refund(*merchant, body);
    if (method == "GET" && path.rfind(kRefunds + "/", 0) == 0) {
      return queryRefund(*merchant, path.substr(kRefunds.size() + 1));
    }
    if (method == "GET" && path.rfind(kByOutTradeNo, 0) == 0) {
      std::string mchId;
      for (const auto& [name, value] : parsed.getQueryParameters()) {
        if (name == "mchid") mchId = value;
      }
      return query(*merchant, path.substr(kByOutTradeNo.size()), mchId);
    }
    throw V3Fail{404, "NOT_FOUND", "no such API: " + method + " " + path};
  } catch (const V3Fail& fail) {
    log().information("%s %s refused: %d %s %s", method, uri, fail.status, fail.code, fail.message);
    return answer(merchant, fail.status, errorBody(fail.code, fail.message));
  }
}

V3Answer WxpayV3Api::prepay(const V3Merchant& merchant, const std::string& tradeType, const std::string& body) {
  SimOrder order;
  try {
    const std::string what = "request";
    const auto json = v3::parseJsonObject(body, what);
    if (v3::requiredString(*json, "mchid", what) != merchant.mchId) {
      throw V3Fail{400, "PARAM_ERROR", "mchid 与请求头中的商户号不一致"};
    }
    if (v3::requiredString(*json, "appid", what) != merchant.appId) {
      throw V3Fail{400, "PARAM_ERROR", "appid和mch_id不匹配"};
    }
    order.mchId = merchant.mchId;
    order.appId = merchant.appId;
    order.v3 = true;
    order.tradeType = tradeType;
    order.body = v3::requiredString(*json, "description", what);
    order.outTradeNo = v3::requiredString(*json, "out_trade_no", what);
    order.notifyUrl = v3::requiredString(*json, "notify_url", what);
    order.attach = v3::optionalString(*json, "attach", what);
    const auto amount = v3::optionalObject(*json, "amount", what);
    if (!amount) throw V3Fail{400, "PARAM_ERROR", "缺少参数 amount"};
    order.totalFee = v3::optionalInteger(*amount, "total", "amount").value_or(0);
    if (order.totalFee <= 0) throw V3Fail{400, "PARAM_ERROR", "amount.total 必须是正整数"};
    if (const auto payer = v3::optionalObject(*json, "payer", what)) {
      order.openid = v3::optionalString(*payer, "openid", "payer");
    }
  } catch (const v3::WxpayV3Error& e) {
    throw V3Fail{400, "PARAM_ERROR", e.what()};
  }
  if (tradeType == "JSAPI" && order.openid.empty()) throw V3Fail{400, "PARAM_ERROR", "缺少参数 payer.openid"};
  if (order.outTradeNo.size() < 6 || order.outTradeNo.size() > 32) {
    throw V3Fail{400, "PARAM_ERROR", "out_trade_no 长度须在 6 到 32 之间"};
  }
  order.prepayId = newPrepayId();
  const auto [placed, stored] = store_.place(order);
  if (placed == OrderStore::Placed::Conflict) throw V3Fail{400, "INVALID_REQUEST", "201 商户订单号重复"};
  if (placed == OrderStore::Placed::AlreadyPaid) throw V3Fail{400, "ORDERPAID", "该订单已支付"};
  if (placed == OrderStore::Placed::Closed) throw V3Fail{400, "ORDER_CLOSED", "订单已关闭"};
  log().information("v3 %s %s of %s: %s fen, prepay_id %s", tradeType, stored.outTradeNo, stored.mchId,
                    std::to_string(stored.totalFee), stored.prepayId);
  Poco::JSON::Object json;
  json.set("prepay_id", stored.prepayId);
  std::ostringstream out;
  json.stringify(out);
  return answer(&merchant, 200, out.str());
}

V3Answer WxpayV3Api::query(const V3Merchant& merchant, const std::string& outTradeNo, const std::string& mchIdParam) {
  if (mchIdParam != merchant.mchId) throw V3Fail{400, "PARAM_ERROR", "mchid 与请求头中的商户号不一致"};
  const auto order = store_.find({merchant.mchId, outTradeNo});
  if (!order || !order->v3) throw V3Fail{404, "ORDER_NOT_EXIST", "订单不存在"};
  return answer(&merchant, 200, v3TransactionJson(*order));
}

V3Answer WxpayV3Api::close(const V3Merchant& merchant, const std::string& outTradeNo, const std::string& body) {
  try {
    const std::string what = "request";
    if (v3::requiredString(*v3::parseJsonObject(body, what), "mchid", what) != merchant.mchId) {
      throw V3Fail{400, "PARAM_ERROR", "mchid 与请求头中的商户号不一致"};
    }
  } catch (const v3::WxpayV3Error& e) {
    throw V3Fail{400, "PARAM_ERROR", e.what()};
  }
  std::string refusal;
  const bool found = store_.update({merchant.mchId, outTradeNo}, [&](SimOrder& order) {
    if (!order.v3) return false;
    if (order.state == "SUCCESS") refusal = "订单已支付";
    if (order.state == "NOTPAY") order.state = "CLOSED";
    return true;
  });
  if (!found) throw V3Fail{404, "ORDER_NOT_EXIST", "订单不存在"};
  if (!refusal.empty()) throw V3Fail{400, "INVALID_REQUEST", refusal};
  log().information("v3 order %s of %s closed", outTradeNo, merchant.mchId);
  return answer(&merchant, 204, "");
}

V3Answer WxpayV3Api::refund(const V3Merchant& merchant, const std::string& body) {
  V3SimRefund refund;
  std::string currency;
  try {
    const std::string what = "request";
    const auto json = v3::parseJsonObject(body, what);
    refund.mchId = merchant.mchId;
    refund.outTradeNo = v3::optionalString(*json, "out_trade_no", what);
    refund.outRefundNo = v3::requiredString(*json, "out_refund_no", what);
    refund.reason = v3::optionalString(*json, "reason", what);
    refund.notifyUrl = v3::optionalString(*json, "notify_url", what);
    const auto amount = v3::optionalObject(*json, "amount", what);
    if (!amount) throw V3Fail{400, "PARAM_ERROR", "缺少参数 amount"};
    refund.refund = v3::optionalInteger(*amount, "refund", "amount").value_or(0);
    refund.total = v3::optionalInteger(*amount, "total", "amount").value_or(0);
    currency = v3::optionalString(*amount, "currency", "amount");
  } catch (const v3::WxpayV3Error& e) {
    throw V3Fail{400, "PARAM_ERROR", e.what()};
  }
  if (refund.outTradeNo.empty()) throw V3Fail{400, "PARAM_ERROR", "缺少参数 out_trade_no"};
  if (refund.outRefundNo.empty() || refund.outRefundNo.size() > 64) {
    throw V3Fail{400, "PARAM_ERROR", "out_refund_no 长度须在 1 到 64 之间"};
  }
  if (refund.refund <= 0 || currency != "CNY") throw V3Fail{400, "PARAM_ERROR", "amount.refund 或 currency 无效"};
  const auto order = store_.find({merchant.mchId, refund.outTradeNo});
  if (!order || !order->v3 || order->state != "SUCCESS") throw V3Fail{404, "RESOURCE_NOT_EXISTS", "订单不存在"};
  if (refund.total != order->totalFee) throw V3Fail{400, "PARAM_ERROR", "amount.total 与订单金额不一致"};
  refund.transactionId = order->transactionId;
  refund.refundId = newRefundId();
  refund.createTime = rfc3339Beijing(beijingTimeNow());

  const auto [made, stored] = refunds_.make(refund);
  switch (made) {
    case V3RefundStore::Made::Discordant:
      throw V3Fail{400, "INVALID_REQUEST", "同一商户退款单号的退款信息不一致"};
    case V3RefundStore::Made::OverTotal:
      throw V3Fail{400, "INVALID_REQUEST", "申请退款金额超过订单可退金额"};
    case V3RefundStore::Made::Refused:
      throw V3Fail{403, "NOT_ENOUGH", "基本账户余额不足，请充值后重新发起"};
    case V3RefundStore::Made::Created:
      log().information("v3 refund %s of %s: %s fen of %s, PROCESSING", stored.outRefundNo, stored.mchId,
                        std::to_string(stored.refund), stored.outTradeNo);
      processor_.start(V3RefundStore::keyOf(stored));
      break;
    case V3RefundStore::Made::Repeated:
      break;
  }
  return answer(&merchant, 200, v3RefundJson(stored));
}

V3Answer WxpayV3Api::queryRefund(const V3Merchant& merchant, const std::string& outRefundNo) {
  // outRefundNo comes from the decoded path.
  const auto refund = refunds_.find({merchant.mchId, outRefundNo});
  if (!refund) throw V3Fail{404, "RESOURCE_NOT_EXISTS", "退款单不存在"};
  return answer(&merchant, 200, v3RefundJson(*refund));
}

}  // namespace paynext::tools::gatewaysim
