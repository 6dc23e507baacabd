#include "tools/gatewaysim/wxpay_v3_refund_control.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "tools/gatewaysim/json_text.h"

namespace paynext::tools::gatewaysim {

const std::string WxpayV3RefundControl::kPrefix = "/sim/v3/";

namespace {

const std::string kOrders = "orders/";
const std::string kOutcomeSuffix = "/refund_outcome";
const std::string kRefunds = "refunds/";

}  // namespace

ControlResponse WxpayV3RefundControl::handle(const std::string& method, const std::string& path,
                                             const std::string& body) {
  const std::string rest = path.substr(kPrefix.size());
  if (rest.rfind(kOrders, 0) == 0 && rest.size() > kOrders.size() + kOutcomeSuffix.size() &&
      rest.compare(rest.size() - kOutcomeSuffix.size(), kOutcomeSuffix.size(), kOutcomeSuffix) == 0) {
    if (method != "POST") return controlError(405, kPrefix + "orders/{out_trade_no}/refund_outcome takes POST");
    return armOutcome(rest.substr(kOrders.size(), rest.size() - kOrders.size() - kOutcomeSuffix.size()), body);
  }
  if (rest.rfind(kRefunds, 0) == 0 && rest.size() > kRefunds.size()) {
    if (method != "GET") return controlError(405, kPrefix + "refunds/{out_refund_no} takes GET");
    return refund(rest.substr(kRefunds.size()));
  }
  return controlError(404, "no such endpoint: " + path);
}

ControlResponse WxpayV3RefundControl::armOutcome(const std::string& outTradeNo, const std::string& body) {
  std::string status, mchId;
  try {
    Poco::JSON::Parser parser;
    parser.setDepth(4);
    const auto json = parser.parse(body).extract<Poco::JSON::Object::Ptr>();
    status = json->optValue<std::string>("status", "");
    mchId = json->optValue<std::string>("mchid", "");
  } catch (const Poco::Exception& e) {
    return controlError(400, "bad JSON body: " + e.displayText());
  }
  if (status != "SUCCESS" && status != "ABNORMAL" && status != "CLOSED" && status != "NOT_ENOUGH") {
    return controlError(400, "status must be SUCCESS, ABNORMAL, CLOSED or NOT_ENOUGH");
  }
  std::vector<SimOrder> found;
  for (const SimOrder& order : orders_.findByOutTradeNo(outTradeNo)) {
    if (order.v3 && (mchId.empty() || order.mchId == mchId)) found.push_back(order);
  }
  if (found.empty()) return controlError(404, "no v3 order " + outTradeNo);
  if (found.size() > 1) return controlError(409, "several merchants have v3 order " + outTradeNo + "; pass mchid");
  refunds_.armOutcome({found.front().mchId, outTradeNo}, status);
  Poco::JSON::Object json;
  json.set("out_trade_no", outTradeNo);
  json.set("mchid", found.front().mchId);
  json.set("next_refund", status);
  return {200, stringify(json)};
}

ControlResponse WxpayV3RefundControl::refund(const std::string& outRefundNo) {
  const auto found = refunds_.findByOutRefundNo(outRefundNo);
  if (found.empty()) return controlError(404, "no v3 refund " + outRefundNo);
  if (found.size() > 1) return controlError(409, "several merchants have v3 refund " + outRefundNo);
  const V3SimRefund& r = found.front();
  Poco::JSON::Object json;
  json.set("mchid", r.mchId);
  json.set("out_trade_no", r.outTradeNo);
  json.set("out_refund_no", r.outRefundNo);
  json.set("refund_id", r.refundId);
  json.set("refund", r.refund);
  json.set("total", r.total);
  json.set("status", r.status);
  json.set("notify_url", r.notifyUrl);
  json.set("notify_attempts", r.notifyAttempts);
  json.set("acknowledged", r.acknowledged);
  json.set("last_notify_result", r.lastNotifyResult);
  return {200, stringify(json)};
}

}  // namespace paynext::tools::gatewaysim
