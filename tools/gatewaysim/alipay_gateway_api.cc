#include "tools/gatewaysim/alipay_gateway_api.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "core/payments/alipay/alipay_form.h"
#include "core/payments/alipay/alipay_sign.h"
#include "tools/gatewaysim/json_text.h"

namespace paynext::tools::gatewaysim {

namespace alipay = core::payments::alipay;

namespace {

const std::string kQueryMethod = "alipay.trade.query";
const std::string kQueryNode = "alipay_trade_query_response";

std::string errorResponse(const std::string& code, const std::string& msg, const std::string& subCode,
                          const std::string& subMsg) {
  const std::string node =
      JsonText().add("code", code).add("msg", msg).add("sub_code", subCode).add("sub_msg", subMsg).text();
  return JsonText().addRaw("error_response", node).text();
}

// The node signed over its exact text, as Alipay answers.
std::string signedResponse(const std::string& node, const AlipayApp& app) {
  return JsonText().addRaw(kQueryNode, node).add("sign", alipay::rsa2Sign(node, app.alipayPrivateKey)).text();
}

std::string get(const alipay::Params& params, const std::string& key) {
  const auto it = params.find(key);
  return it == params.end() ? std::string() : it->second;
}

}  // namespace

std::string AlipayGatewayApi::handle(const std::string& query, const std::string& body) const {
  alipay::Params params;
  try {
    params = alipay::parseForm(body);
    for (auto& [key, value] : alipay::parseForm(query)) {
      const auto [it, added] = params.emplace(key, value);
      if (!added && it->second != value) {
        return errorResponse("40002", "Invalid Arguments", "isv.invalid-parameter", "参数" + key + "重复且不一致");
      }
    }
  } catch (const alipay::AlipayError& e) {
    return errorResponse("40002", "Invalid Arguments", "isv.invalid-parameter", e.what());
  }

  const std::string appId = get(params, "app_id");
  if (appId.empty()) return errorResponse("40001", "Missing Required Arguments", "isv.missing-app-id", "缺少AppID参数");
  const auto app = apps_.find(appId);
  if (app == apps_.end()) return errorResponse("40002", "Invalid Arguments", "isv.invalid-app-id", "无效的AppID参数");
  if (get(params, "sign").empty()) {
    return errorResponse("40001", "Missing Required Arguments", "isv.missing-signature", "缺少签名参数");
  }
  if (get(params, "sign_type") != "RSA2") {
    return errorResponse("40002", "Invalid Arguments", "isv.invalid-signature-type", "无效的签名类型");
  }
  if (!alipay::rsa2Verify(alipay::signContent(params, alipay::Purpose::Request), get(params, "sign"),
                          app->second.appPublicKey)) {
    return errorResponse("40002", "Invalid Arguments", "isv.invalid-signature", "验签出错");
  }
  if (get(params, "method") != kQueryMethod) {
    return errorResponse("40002", "Invalid Arguments", "isv.invalid-method", "不存在的方法名");
  }

  std::string outTradeNo, tradeNo;
  try {
    Poco::JSON::Parser parser;
    parser.setDepth(4);
    const auto biz = parser.parse(get(params, "biz_content")).extract<Poco::JSON::Object::Ptr>();
    outTradeNo = biz->optValue<std::string>("out_trade_no", "");
    tradeNo = biz->optValue<std::string>("trade_no", "");
  } catch (const Poco::Exception&) {
    // Falls through to the "neither given" answer below.
  }
  if (outTradeNo.empty() && tradeNo.empty()) {
    const std::string node = JsonText()
                                 .add("code", "40004")
                                 .add("msg", "Business Failed")
                                 .add("sub_code", "ACQ.INVALID_PARAMETER")
                                 .add("sub_msg", "参数无效")
                                 .text();
    return signedResponse(node, app->second);
  }
  const auto trade = !outTradeNo.empty() ? store_.find({appId, outTradeNo}) : store_.findByTradeNo(appId, tradeNo);
  if (!trade || (!tradeNo.empty() && trade->tradeNo != tradeNo)) {
    const std::string node = JsonText()
                                 .add("code", "40004")
                                 .add("msg", "Business Failed")
                                 .add("sub_code", "ACQ.TRADE_NOT_EXIST")
                                 .add("sub_msg", "交易不存在")
                                 .text();
    return signedResponse(node, app->second);
  }
  JsonText node;
  node.add("code", "10000")
      .add("msg", "Success")
      .add("out_trade_no", trade->outTradeNo)
      .add("trade_no", trade->tradeNo)
      .add("trade_status", trade->state)
      .add("total_amount", trade->totalAmount);
  if (trade->state == "TRADE_SUCCESS")
    node.add("buyer_user_id", trade->buyerId).add("send_pay_date", trade->gmtPayment);
  return signedResponse(node.text(), app->second);
}

}  // namespace paynext::tools::gatewaysim
