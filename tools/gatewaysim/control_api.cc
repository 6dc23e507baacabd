#include "tools/gatewaysim/control_api.h"

#include <sstream>
#include <variant>

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>

#include "core/crypto/digest.h"
#include "tools/gatewaysim/wechat_ids.h"
#include "tools/gatewaysim/wxpay_notification.h"
#include "tools/gatewaysim/wxpay_v3_notification.h"

namespace paynext::tools::gatewaysim {

namespace {

const std::string kOrdersPrefix = "/sim/orders/";

Poco::Logger& log() { return Poco::Logger::get("gatewaysim.control"); }

std::string stringify(const Poco::JSON::Object::Ptr& json) {
  std::ostringstream out;
  json->stringify(out);
  return out.str();
}

ControlResponse error(int status, const std::string& message) { return controlError(status, message); }

Poco::JSON::Object::Ptr view(const SimOrder& order) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
  json->set("out_trade_no", order.outTradeNo);
  json->set("mch_id", order.mchId);
  json->set("appid", order.appId);
  json->set("total_fee", order.totalFee);
  json->set("trade_type", order.tradeType);
  json->set("api", order.v3 ? "v3" : "v2");
  json->set("state", order.state);
  json->set("prepay_id", order.prepayId);
  json->set("transaction_id", order.transactionId);
  json->set("time_end", order.timeEnd);
  json->set("notify_url", order.notifyUrl);
  json->set("notify_attempts", order.notifyAttempts);
  json->set("acknowledged", order.acknowledged);
  json->set("last_notify_result", order.lastNotifyResult);
  return json;
}

// The one order an out_trade_no (and maybe a mch_id) names, or an error.
std::variant<SimOrder, ControlResponse> lookUp(const OrderStore& store, const std::string& outTradeNo,
                                               const std::string& mchId) {
  if (outTradeNo.empty()) return error(400, "out_trade_no is required");
  if (!mchId.empty()) {
    if (auto order = store.find({mchId, outTradeNo})) return *order;
    return error(404, "no order " + outTradeNo + " of merchant " + mchId);
  }
  const auto found = store.findByOutTradeNo(outTradeNo);
  if (found.empty()) return error(404, "no order " + outTradeNo);
  if (found.size() > 1) return error(409, "several merchants have order " + outTradeNo + "; pass mch_id");
  return found.front();
}

}  // namespace

ControlResponse controlJson(const Poco::JSON::Object::Ptr& json, int status) { return {status, stringify(json)}; }

ControlResponse controlError(int status, const std::string& message) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
  json->set("error", message);
  return {status, stringify(json)};
}

ControlResponse ControlApi::handle(const std::string& method, const std::string& path, const std::string& mchId,
                                   const std::string& body) {
  if (path == "/sim/pay" || path == "/sim/notify") {
    if (method != "POST") return error(405, path + " takes POST");
    return pay(body, path == "/sim/notify");
  }
  if (path == "/sim/orders") {
    if (method != "GET") return error(405, path + " takes GET");
    return orders();
  }
  // A partner's callback stand-in (tools/run's JD pay-result URL): takes any POST.
  if (path == "/sim/accept") {
    if (method != "POST") return error(405, path + " takes POST");
    return {200, "{}"};
  }
  if (path.rfind(kOrdersPrefix, 0) == 0) {
    if (method != "GET") return error(405, "/sim/orders/{out_trade_no} takes GET");
    return order(path.substr(kOrdersPrefix.size()), mchId);
  }
  return error(404, "no such endpoint: " + path);
}

ControlResponse ControlApi::pay(const std::string& body, bool resendOnly) {
  Poco::JSON::Object::Ptr request;
  NotifyOptions options;
  bool suppress = false;
  std::string outTradeNo, mchId;
  try {
    Poco::JSON::Parser parser;
    parser.setDepth(4);
    request = parser.parse(body).extract<Poco::JSON::Object::Ptr>();
    outTradeNo = request->optValue<std::string>("out_trade_no", "");
    mchId = request->optValue<std::string>("mch_id", "");
    suppress = request->optValue<bool>("suppress_notify", false);
    options.badSign = request->optValue<bool>("bad_sign", false);
    options.timestampOffsetSeconds = request->optValue<Poco::Int64>("timestamp_offset", 0);
    if (request->has("total_fee_override"))
      options.totalFeeOverride = request->getValue<Poco::Int64>("total_fee_override");
  } catch (const Poco::Exception& e) {
    return error(400, "bad JSON body: " + e.displayText());
  }
  auto found = lookUp(store_, outTradeNo, mchId);
  if (auto* response = std::get_if<ControlResponse>(&found)) return *response;
  const auto key = OrderStore::keyOf(std::get<SimOrder>(found));

  if (resendOnly) {
    if (std::get<SimOrder>(found).state != "SUCCESS") return error(409, "order " + outTradeNo + " is not paid");
  } else {
    const bool paid = store_.update(key, [](SimOrder& order) {
      if (order.state != "NOTPAY") return false;
      order.state = "SUCCESS";
      order.transactionId = newTransactionId();
      order.timeEnd = beijingTimeNow();
      if (order.openid.empty()) order.openid = "oSim" + core::crypto::randomHex(12);
      return true;
    });
    if (!paid) return error(409, "order " + outTradeNo + " is already paid");
    log().information("order %s of %s paid", outTradeNo, key.first);
  }
  const SimOrder paid = *store_.find(key);
  if (!suppress) {
    notifier_.start(paid.v3 ? wxpayV3Notification(paid, v3Merchants_.at(paid.mchId), options, store_)
                            : wxpayNotification(paid, merchants_.at(paid.mchId), options, store_));
  }
  return {200, stringify(view(paid))};
}

ControlResponse ControlApi::order(const std::string& outTradeNo, const std::string& mchId) {
  auto found = lookUp(store_, outTradeNo, mchId);
  if (auto* response = std::get_if<ControlResponse>(&found)) return *response;
  return {200, stringify(view(std::get<SimOrder>(found)))};
}

ControlResponse ControlApi::orders() {
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& order : store_.all()) list->add(view(order));
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
  json->set("orders", list);
  return {200, stringify(json)};
}

}  // namespace paynext::tools::gatewaysim
