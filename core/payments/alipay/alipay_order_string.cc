#include "core/payments/alipay/alipay_order_string.h"

#include <sstream>

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/URI.h>

#include "core/payments/alipay/alipay_form.h"
#include "core/payments/alipay/alipay_keys.h"
#include "core/payments/alipay/alipay_request.h"

namespace paynext::core::payments::alipay {

namespace {

const std::string kAppPay = "alipay.trade.app.pay";
const std::string kWapPay = "alipay.trade.wap.pay";
// Alipay's range for total_amount: [0.01, 100000000] yuan.
constexpr sdk::Fen kMaxFen = 100000000LL * 100;

std::string bizContent(const std::string& method, const AlipayOrder& order, const std::string& productCode) {
  if (order.totalFen <= 0 || order.totalFen > kMaxFen) {
    throw AlipayError(method + ": total_amount must be between 1 fen and 100000000 yuan");
  }
  if (order.appId.empty() || order.outTradeNo.empty() || order.subject.empty()) {
    throw AlipayError(method + ": app_id, out_trade_no and subject are required");
  }
  Poco::JSON::Object biz;
  biz.set("out_trade_no", order.outTradeNo);
  biz.set("total_amount", sdk::formatYuan(order.totalFen));
  biz.set("subject", order.subject);
  biz.set("product_code", productCode);
  if (!order.body.empty()) biz.set("body", order.body);
  if (!order.timeoutExpress.empty()) biz.set("timeout_express", order.timeoutExpress);
  if (productCode == "QUICK_WAP_WAY" && !order.quitUrl.empty()) biz.set("quit_url", order.quitUrl);
  std::ostringstream json;
  biz.stringify(json);
  return json.str();
}

}  // namespace

std::string appPayOrderString(const AlipayOrder& order) {
  ApiRequest request{order.appId,
                     kAppPay,
                     bizContent(kAppPay, order, "QUICK_MSECURITY_PAY"),
                     order.timestamp,
                     {{"notify_url", order.notifyUrl}}};
  Params params = signRequest(request, loadPrivateKey(order.privateKey));
  const std::string sign = params.at("sign");
  params.erase("sign");
  return encodeForm(params) + "&sign=" + urlEncode(sign);
}

std::string wapPayUrl(const AlipayOrder& order) {
  Poco::URI gateway;
  try {
    gateway = Poco::URI(order.gatewayUrl);
  } catch (const Poco::Exception&) {
    // left empty: refused just below
  }
  if ((gateway.getScheme() != "http" && gateway.getScheme() != "https") || gateway.getHost().empty()) {
    throw AlipayError(kWapPay + ": gateway URL must be http:// or https://, not '" + order.gatewayUrl + "'");
  }
  ApiRequest request{order.appId,
                     kWapPay,
                     bizContent(kWapPay, order, "QUICK_WAP_WAY"),
                     order.timestamp,
                     {{"notify_url", order.notifyUrl}, {"return_url", order.returnUrl}}};
  const std::string query = encodeForm(signRequest(request, loadPrivateKey(order.privateKey)));
  // A gateway URL may already carry a query (e.g. "?charset=utf-8").
  const char last = order.gatewayUrl.back();
  if (order.gatewayUrl.find('?') == std::string::npos) return order.gatewayUrl + "?" + query;
  return order.gatewayUrl + (last == '?' || last == '&' ? "" : "&") + query;
}

}  // namespace paynext::core::payments::alipay
