#include "pay_now_request.h"

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

namespace paynext::plugins::orders {

namespace p = sdk::params;

namespace {
constexpr std::int64_t kMaxPoints = 1000000000000LL;

sdk::Error refuse(const std::string& message) { return sdk::Error(sdk::codes::kBadRequest, message); }

bool usesPoints(PayMethod method) {
  return method == PayMethod::Points || method == PayMethod::WechatAndPoints || method == PayMethod::AlipayAndPoints;
}
}  // namespace

PayNowRequest parsePayNow(const Poco::JSON::Object& params) {
  PayNowRequest r;
  r.orderId = p::requirePositiveInt(params, "order_id");
  const std::int64_t method = p::requireInt(params, "pay_method");
  if (method < 1 || method > 5) throw p::invalid("pay_method", "1 到 5 之间的整数(1 微信,2 支付宝,3 积分,4 微信和积分,5 支付宝和积分)");
  r.method = static_cast<PayMethod>(method);
  r.payPrice = p::requireMoney(params, "pay_price");
  // The document marks pay_integral required, yet WeChat or Alipay alone use
  // no points: clients leave it out there, and it is 0. Methods with points need it.
  const auto points = p::optionalInt(params, "pay_integral");
  if (!points && usesPoints(r.method)) throw p::missing("pay_integral");
  r.payIntegral = points.value_or(0);
  if (r.payIntegral < 0 || r.payIntegral > kMaxPoints) throw p::invalid("pay_integral", "非负整数");
  r.delivery = parseDelivery(params);
  return r;
}

void checkPayNowAmounts(const PayNowRequest& r, sdk::Fen orderAmount, sdk::Fen pointsFen) {
  if (!usesPoints(r.method) && r.payIntegral != 0) throw refuse("pay_method 为 1 或 2 时不使用积分,pay_integral 须为 0");
  if (usesPoints(r.method) && r.payIntegral == 0) throw refuse("pay_method 为 3、4 或 5 时 pay_integral 须大于 0");
  if (r.method == PayMethod::Points) {
    if (r.payPrice != 0) throw refuse("积分支付时 pay_price 须为 0");
    if (pointsFen < orderAmount) throw refuse("积分不足以支付订单,请选择微信或支付宝支付");
    if (pointsFen > orderAmount) throw refuse("pay_integral 超过订单金额");
    return;
  }
  if (pointsFen >= orderAmount) throw refuse("积分足够支付订单,不能选择 API 支付,请使用积分支付(pay_method=3)");
  if (r.payPrice + pointsFen != orderAmount) {
    throw refuse("支付金额与订单金额不符:订单 " + sdk::formatYuan(orderAmount) + " 元,pay_price " +
                 sdk::formatYuan(r.payPrice) + " 元,积分抵扣 " + sdk::formatYuan(pointsFen) + " 元");
  }
}

sdk::PayChannel channelOf(PayMethod method) {
  switch (method) {
    case PayMethod::Wechat:
    case PayMethod::WechatAndPoints:
      return sdk::PayChannel::wxpay("app");
    case PayMethod::Alipay:
    case PayMethod::AlipayAndPoints:
      return sdk::PayChannel::alipay("app");
    case PayMethod::Points:
      break;
  }
  return sdk::PayChannel::pointsOnly();
}

}  // namespace paynext::plugins::orders
