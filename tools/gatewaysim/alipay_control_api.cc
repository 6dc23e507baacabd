#include "tools/gatewaysim/alipay_control_api.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>
#include <Poco/Timestamp.h>

#include "core/payments/alipay/alipay_form.h"
#include "core/payments/alipay/alipay_request.h"
#include "core/payments/alipay/alipay_sign.h"
#include "paynext/sdk/money.h"
#include "tools/gatewaysim/alipay_ids.h"
#include "tools/gatewaysim/alipay_notification.h"
#include "tools/gatewaysim/alipay_trade_methods.h"
#include "tools/gatewaysim/json_text.h"

namespace paynext::tools::gatewaysim {

namespace alipay = core::payments::alipay;

const std::string AlipayControlApi::kPrefix = "/sim/alipay/";

namespace {

const std::string kOrdersPath = "orders/";
const std::string kRefundsSuffix = "/refunds";
const std::string kRefundFailureSuffix = "/refund_failure";
const std::string kDefaultRefundFailure = "ACQ.SELLER_BALANCE_NOT_ENOUGH";

bool endsWith(const std::string& text, const std::string& suffix) {
  return text.size() > suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Poco::Logger& log() { return Poco::Logger::get("gatewaysim.alipay"); }

Poco::JSON::Object::Ptr view(const AlipayTrade& trade) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
  json->set("app_id", trade.appId);
  json->set("out_trade_no", trade.outTradeNo);
  json->set("trade_no", trade.tradeNo);
  json->set("total_amount", trade.totalAmount);
  json->set("subject", trade.subject);
  json->set("state", trade.state);
  json->set("notify_url", trade.notifyUrl);
  json->set("notify_attempts", trade.notifyAttempts);
  json->set("acknowledged", trade.acknowledged);
  json->set("last_notify_result", trade.lastNotifyResult);
  return json;
}

std::string get(const alipay::Params& params, const std::string& key) {
  const auto it = params.find(key);
  return it == params.end() ? std::string() : it->second;
}

// What the buyer's Alipay client learns from an order string.
struct PayRequest {
  const AlipayApp* app = nullptr;
  std::string outTradeNo;
  std::string totalAmount;
  std::string subject;
  std::string notifyUrl;
};

// Parses and verifies an APP order string or a WAP pay URL; throws
// Poco::InvalidArgumentException with the message for the 400 answer.
PayRequest readOrderString(const AlipayApps& apps, const std::string& orderString) {
  std::string form = orderString;
  if (form.rfind("http://", 0) == 0 || form.rfind("https://", 0) == 0) {
    const auto question = form.find('?');
    if (question == std::string::npos) throw Poco::InvalidArgumentException("pay URL has no query string");
    form = form.substr(question + 1);
  }
  alipay::Params params;
  try {
    params = alipay::parseForm(form);
  } catch (const alipay::AlipayError& e) {
    throw Poco::InvalidArgumentException(std::string("malformed order_string: ") + e.what());
  }
  const std::string appId = get(params, "app_id");
  if (appId.empty()) throw Poco::InvalidArgumentException("order_string has no app_id");
  const auto app = apps.find(appId);
  if (app == apps.end()) throw Poco::InvalidArgumentException("unknown app_id " + appId + " (no --alipay-app for it)");
  if (get(params, "sign").empty()) throw Poco::InvalidArgumentException("order_string has no sign");
  if (get(params, "sign_type") != "RSA2") throw Poco::InvalidArgumentException("order_string sign_type is not RSA2");
  if (!alipay::rsa2Verify(alipay::signContent(params, alipay::Purpose::Request), get(params, "sign"),
                          app->second.appPublicKey)) {
    throw Poco::InvalidArgumentException("order_string signature does not verify with the public key of app " + appId);
  }
  PayRequest request;
  request.app = &app->second;
  request.notifyUrl = get(params, "notify_url");
  try {
    Poco::JSON::Parser parser;
    parser.setDepth(4);
    const auto biz = parser.parse(get(params, "biz_content")).extract<Poco::JSON::Object::Ptr>();
    request.outTradeNo = biz->optValue<std::string>("out_trade_no", "");
    request.totalAmount = biz->optValue<std::string>("total_amount", "");
    request.subject = biz->optValue<std::string>("subject", "");
  } catch (const Poco::Exception& e) {
    throw Poco::InvalidArgumentException("order_string biz_content is not a JSON object: " + e.displayText());
  }
  if (request.outTradeNo.empty()) throw Poco::InvalidArgumentException("biz_content has no out_trade_no");
  if (request.totalAmount.empty()) throw Poco::InvalidArgumentException("biz_content has no total_amount");
  return request;
}

}  // namespace

ControlResponse AlipayControlApi::handle(const std::string& method, const std::string& path, const std::string& body) {
  const std::string rest = path.substr(kPrefix.size());
  if (rest == "pay") {
    if (method != "POST") return controlError(405, path + " takes POST");
    return pay(body);
  }
  if (rest.rfind(kOrdersPath, 0) == 0 && endsWith(rest, kRefundsSuffix)) {
    if (method != "GET") return controlError(405, kPrefix + "orders/{out_trade_no}/refunds takes GET");
    const std::string id = rest.substr(kOrdersPath.size());
    return refunds(id.substr(0, id.size() - kRefundsSuffix.size()));
  }
  if (rest.rfind(kOrdersPath, 0) == 0 && endsWith(rest, kRefundFailureSuffix)) {
    if (method != "POST") return controlError(405, kPrefix + "orders/{out_trade_no}/refund_failure takes POST");
    const std::string id = rest.substr(kOrdersPath.size());
    return failNextRefund(id.substr(0, id.size() - kRefundFailureSuffix.size()), body);
  }
  if (rest.rfind(kOrdersPath, 0) == 0) {
    if (method != "GET") return controlError(405, kPrefix + "orders/{out_trade_no} takes GET");
    return order(rest.substr(kOrdersPath.size()));
  }
  return controlError(404, "no such endpoint: " + path);
}

ControlResponse AlipayControlApi::pay(const std::string& body) {
  std::string orderString;
  bool suppress = false;
  bool waitOnly = false;
  AlipayNotifyOptions options;
  try {
    Poco::JSON::Parser parser;
    parser.setDepth(4);
    const auto json = parser.parse(body).extract<Poco::JSON::Object::Ptr>();
    orderString = json->optValue<std::string>("order_string", "");
    suppress = json->optValue<bool>("suppress_notify", false);
    waitOnly = json->optValue<bool>("wait_buyer_pay", false);
    options.badSign = json->optValue<bool>("bad_sign", false);
    if (json->has("total_amount_override"))
      options.totalAmountOverride = json->getValue<std::string>("total_amount_override");
  } catch (const Poco::Exception& e) {
    return controlError(400, "bad JSON body: " + e.displayText());
  }
  if (orderString.empty()) return controlError(400, "order_string is required");
  PayRequest request;
  try {
    request = readOrderString(apps_, orderString);
  } catch (const Poco::InvalidArgumentException& e) {
    return controlError(400, e.message());
  }

  const AlipayOrderStore::Key key{request.app->appId, request.outTradeNo};
  const std::string now = alipay::beijingTime(Poco::Timestamp());
  std::string refusal;
  const bool changed = store_.upsert(key, [&](AlipayTrade* stored, std::optional<AlipayTrade>& created) {
    if (!stored) {
      // Alipay creates the trade when the buyer opens the cashier.
      created.emplace();
      stored = &*created;
      stored->appId = request.app->appId;
      stored->outTradeNo = request.outTradeNo;
      stored->tradeNo = newAlipayTradeNo();
      stored->totalAmount = request.totalAmount;
      stored->subject = request.subject;
      stored->notifyUrl = request.notifyUrl;
      stored->buyerId = newAlipayBuyerId();
      stored->gmtCreate = now;
    } else if (stored->state != "WAIT_BUYER_PAY") {
      refusal = "order " + request.outTradeNo + (stored->gmtPayment.empty() ? " is closed" : " is already paid");
      return false;
    } else if (stored->totalAmount != request.totalAmount) {
      refusal = "order " + request.outTradeNo + " was opened with total_amount " + stored->totalAmount;
      return false;
    }
    if (waitOnly) return true;
    stored->state = "TRADE_SUCCESS";
    stored->gmtPayment = now;
    if (!request.notifyUrl.empty()) stored->notifyUrl = request.notifyUrl;
    return true;
  });
  if (!changed) return controlError(409, refusal);
  const AlipayTrade trade = *store_.find(key);
  log().information("alipay order %s of %s: %s", trade.outTradeNo, trade.appId, trade.state);
  if (trade.state == "TRADE_SUCCESS" && !suppress) {
    if (trade.notifyUrl.empty()) {
      log().warning("alipay order %s has no notify_url; not notifying", trade.outTradeNo);
    } else {
      notifier_.start(alipayNotification(trade, *request.app, options, store_));
    }
  }
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
  json->set("out_trade_no", trade.outTradeNo);
  json->set("trade_no", trade.tradeNo);
  json->set("total_amount", trade.totalAmount);
  json->set("state", trade.state);
  return {200, stringify(*json)};
}

std::optional<AlipayTrade> AlipayControlApi::oneTrade(const std::string& outTradeNo, ControlResponse& error) const {
  if (outTradeNo.empty()) {
    error = controlError(400, "out_trade_no is required");
    return std::nullopt;
  }
  const auto found = store_.findByOutTradeNo(outTradeNo);
  if (found.size() == 1) return found.front();
  error = found.empty() ? controlError(404, "no alipay order " + outTradeNo)
                        : controlError(409, "several apps have alipay order " + outTradeNo);
  return std::nullopt;
}

ControlResponse AlipayControlApi::order(const std::string& outTradeNo) {
  ControlResponse error;
  const auto trade = oneTrade(outTradeNo, error);
  return trade ? ControlResponse{200, stringify(*view(*trade))} : error;
}

ControlResponse AlipayControlApi::refunds(const std::string& outTradeNo) {
  ControlResponse error;
  const auto trade = oneTrade(outTradeNo, error);
  if (!trade) return error;
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  sdk::Fen refunded = 0;
  for (const AlipayRefund& refund : trade->refunds) {
    Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
    item->set("out_request_no", refund.outRequestNo);
    item->set("refund_amount", refund.refundAmount);
    item->set("refund_reason", refund.reason);
    item->set("gmt_refund_pay", refund.gmtRefundPay);
    list->add(item);
    refunded += sdk::parseYuan(refund.refundAmount).value_or(0);
  }
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
  json->set("out_trade_no", trade->outTradeNo);
  json->set("total_amount", trade->totalAmount);
  json->set("refunded_amount", sdk::formatYuan(refunded));
  json->set("state", trade->state);
  json->set("refund_failure", trade->refundFailure);
  json->set("refunds", list);
  return {200, stringify(*json)};
}

ControlResponse AlipayControlApi::failNextRefund(const std::string& outTradeNo, const std::string& body) {
  std::string subCode = kDefaultRefundFailure;
  try {
    Poco::JSON::Parser parser;
    parser.setDepth(4);
    if (!body.empty()) {
      subCode = parser.parse(body).extract<Poco::JSON::Object::Ptr>()->optValue<std::string>("sub_code", subCode);
    }
  } catch (const Poco::Exception& e) {
    return controlError(400, "bad JSON body: " + e.displayText());
  }
  if (!armableRefundFailure(subCode)) {
    return controlError(400, "sub_code must be ACQ.SELLER_BALANCE_NOT_ENOUGH, ACQ.SYSTEM_ERROR, "
                             "ACQ.TRADE_NOT_ALLOW_REFUND or ACQ.REASON_TRADE_BEEN_FREEZEN");
  }
  ControlResponse error;
  const auto trade = oneTrade(outTradeNo, error);
  if (!trade) return error;
  store_.update(AlipayOrderStore::keyOf(*trade), [&](AlipayTrade& stored) {
    stored.refundFailure = subCode;
    return true;
  });
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
  json->set("out_trade_no", trade->outTradeNo);
  json->set("refund_failure", subCode);
  return {200, stringify(*json)};
}

}  // namespace paynext::tools::gatewaysim
