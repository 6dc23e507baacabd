#include "tools/gatewaysim/alipay_gateway_api.h"

#include <functional>
#include <map>

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "core/payments/alipay/alipay_form.h"
#include "core/payments/alipay/alipay_response.h"
#include "core/payments/alipay/alipay_sign.h"
#include "tools/gatewaysim/alipay_trade_methods.h"
#include "tools/gatewaysim/json_text.h"

namespace paynext::tools::gatewaysim {

namespace alipay = core::payments::alipay;

namespace {

using Method = std::function<std::string(AlipayOrderStore&, const std::string& appId, const Poco::JSON::Object& biz)>;

const std::map<std::string, Method>& methods() {
  static const std::map<std::string, Method> methods{
      {"alipay.trade.query", queryTrade},
      {"alipay.trade.close", closeTrade},
      {"alipay.trade.refund", refundTrade},
      {"alipay.trade.fastpay.refund.query", queryRefund},
  };
  return methods;
}

std::string errorResponse(const std::string& code, const std::string& msg, const std::string& subCode,
                          const std::string& subMsg) {
  const std::string node =
      JsonText().add("code", code).add("msg", msg).add("sub_code", subCode).add("sub_msg", subMsg).text();
  return JsonText().addRaw("error_response", node).text();
}

// The node signed over its exact text, as Alipay answers.
std::string signedResponse(const std::string& method, const std::string& node, const AlipayApp& app) {
  return JsonText()
      .addRaw(alipay::responseNodeName(method), node)
      .add("sign", alipay::rsa2Sign(node, app.alipayPrivateKey))
      .text();
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
  const std::string method = get(params, "method");
  const auto handler = methods().find(method);
  if (handler == methods().end()) {
    return errorResponse("40002", "Invalid Arguments", "isv.invalid-method", "不存在的方法名");
  }

  Poco::JSON::Object::Ptr biz = new Poco::JSON::Object;
  try {
    Poco::JSON::Parser parser;
    parser.setDepth(4);
    biz = parser.parse(get(params, "biz_content")).extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception&) {
    // An empty biz_content: each method answers ACQ.INVALID_PARAMETER.
  }
  return signedResponse(method, handler->second(store_, appId, *biz), app->second);
}

}  // namespace paynext::tools::gatewaysim
