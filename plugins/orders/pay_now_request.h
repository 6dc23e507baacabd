#pragma once
#include <cstdint>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/checkout.h"
#include "paynext/sdk/money.h"

#include "delivery.h"

namespace paynext::plugins::orders {

// pay_method of the order pay-now API (订单立即支付).
enum class PayMethod { Wechat = 1, Alipay = 2, Points = 3, WechatAndPoints = 4, AlipayAndPoints = 5 };

struct PayNowRequest {
  std::int64_t orderId = 0;
  PayMethod method = PayMethod::Wechat;
  sdk::Fen payPrice = 0;        // through WeChat or Alipay
  std::int64_t payIntegral = 0;  // points
  Delivery delivery;
};

// Reads the request's fields; throws sdk::ParamError naming the field.
// pay_integral may be left out for pay_method 1 and 2 (it is then 0); 3, 4
// and 5 require it.
PayNowRequest parsePayNow(const Poco::JSON::Object& params);

// The document's rules: points that cover the price must be paid as points
// only (pay_method 3) and points that do not need a channel (4 or 5); the
// channel part plus the points' worth must be the order's price exactly.
// Throws sdk::Error with the reason.
void checkPayNowAmounts(const PayNowRequest& request, sdk::Fen orderAmount, sdk::Fen pointsFen);

sdk::PayChannel channelOf(PayMethod method);

}  // namespace paynext::plugins::orders
