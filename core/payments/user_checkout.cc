#include "core/payments/user_checkout.h"

#include <stdexcept>

namespace paynext::core::payments {

sdk::CheckoutResult UserCheckout::pay(const sdk::CheckoutRequest& request) {
  // A plugin bug, not a caller's mistake: the route must be declared writes = false.
  if (inTransaction_) throw std::logic_error("Checkout::pay called from a route declared with writes = true");
  PayRequest req;
  req.money = request.money;
  req.points = request.points;
  req.payName = request.subject;
  req.remark = request.body;
  req.nextAction = request.nextAction;
  req.clientIp = request.clientIp;
  req.openid = request.openid;
  switch (request.channel) {
    case sdk::PayChannel::None:
      return payments_.createPointsOnly(factory_, user_, req);
    case sdk::PayChannel::WxpayJsapi:
      return payments_.createWxpay(factory_, user_, req, PaymentService::WxTradeType::Jsapi);
    case sdk::PayChannel::WxpayApp:
      return payments_.createWxpay(factory_, user_, req, PaymentService::WxTradeType::App);
    case sdk::PayChannel::AlipayApp:
      return payments_.createAlipay(factory_, user_, req, PaymentService::AlipayProduct::App);
    case sdk::PayChannel::AlipayWap:
      return payments_.createAlipay(factory_, user_, req, PaymentService::AlipayProduct::Wap);
  }
  throw std::logic_error("unknown pay channel");
}

}  // namespace paynext::core::payments
