#include "pay_now_route.h"

#include <sstream>

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"

#include "order_store.h"
#include "pay_now_request.h"

namespace paynext::plugins::orders {

namespace {

constexpr int kOk = 200;
constexpr int kRefused = 0;
constexpr std::size_t kMaxSubjectBytes = 128;

Poco::Dynamic::Var envelope(int status, const std::string& msg, const Poco::Dynamic::Var& data) {
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  body->set("status", status);
  body->set("msg", msg);
  body->set("data", data);
  return body;
}

Poco::Dynamic::Var refusal(int code, const std::string& msg) {
  // The document's one example of a refusal: an expired token says token过期.
  return envelope(kRefused, code == sdk::codes::kNotLoggedIn ? "token过期" : msg, Poco::JSON::Array::Ptr(new Poco::JSON::Array));
}

// The chain the payment runs once paid: pay the order, recording its delivery.
std::string nextAction(const PayNowRequest& request) {
  Poco::JSON::Object next;
  next.set("type", 0);
  next.set("id", request.orderId);
  addTo(next, request.delivery);
  std::ostringstream out;
  next.stringify(out);
  return out.str();
}

// WeChat's APP params exactly as the document lists them: without paynext's own outTradeId.
Poco::Dynamic::Var payParam(const Poco::Dynamic::Var& params) {
  if (params.type() != typeid(Poco::JSON::Object::Ptr)) return params;
  Poco::JSON::Object::Ptr copy = new Poco::JSON::Object(*params.extract<Poco::JSON::Object::Ptr>());
  copy->remove("outTradeId");
  return copy;
}

sdk::RouteResponse payNow(sdk::RouteContext& ctx) {
  const PayNowRequest request = parsePayNow(*ctx.params);
  OrderStore store(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  const auto order = store.findForUser(ctx.scope.userId, request.orderId);
  // Another user's order is reported as missing, like everywhere in this module.
  if (!order) throw sdk::Error(sdk::codes::kNoData, "订单不存在");
  if (order->status == kClosed) throw sdk::Error(sdk::codes::kBadRequest, "订单已关闭,不能支付");
  if (order->status == kCancelled) throw sdk::Error(sdk::codes::kBadRequest, "订单已取消,不能支付");
  if (order->status != kUnpaid) throw sdk::Error(sdk::codes::kBadRequest, "订单已支付,不能重复支付");
  const sdk::Fen pointsFen = request.payIntegral > 0 ? ctx.checkout.pointsValue(request.payIntegral) : 0;
  checkPayNowAmounts(request, order->amount, pointsFen);

  sdk::CheckoutRequest pay;
  pay.channel = channelOf(request.method);
  pay.money = request.payPrice;
  pay.points = request.payIntegral;
  // Channels take 128 bytes of subject; a longer title would refuse the payment.
  pay.subject = order->title.size() <= kMaxSubjectBytes ? order->title : "商城订单";
  pay.body = "订单 " + order->orderNumber;
  pay.nextAction = nextAction(request);
  pay.clientIp = ctx.clientIp;
  const sdk::CheckoutResult paid = ctx.checkout.pay(pay);

  Poco::JSON::Object::Ptr data = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  data->set("pay_param", paid.status == "PAID" ? Poco::Dynamic::Var("") : payParam(paid.payParams));
  data->set("out_trade_no", paid.outTradeId);
  sdk::RouteResponse response;
  response.body = envelope(kOk, paid.status == "PAID" ? "支付成功" : "下单成功", data);
  return response;
}

}  // namespace

sdk::Route payNowRoute() {
  sdk::Route r;
  r.method = "POST";
  r.path = "/order/payNow";
  r.audience = sdk::Audience::User;
  r.writes = false;  // the payment is its own transaction and calls the channel
  r.handler = payNow;
  r.refusal = refusal;
  return r;
}

}  // namespace paynext::plugins::orders
