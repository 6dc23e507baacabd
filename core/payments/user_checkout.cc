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
  CreatedPayment created;
  switch (request.channel) {
    case sdk::PayChannel::None:
      created = payments_.createPointsOnly(factory_, user_, req);
      break;
    case sdk::PayChannel::WxpayJsapi:
      created = payments_.createWxpay(factory_, user_, req, PaymentService::WxTradeType::Jsapi);
      break;
    case sdk::PayChannel::WxpayApp:
      created = payments_.createWxpay(factory_, user_, req, PaymentService::WxTradeType::App);
      break;
    case sdk::PayChannel::AlipayApp:
      created = payments_.createAlipay(factory_, user_, req, PaymentService::AlipayProduct::App);
      break;
    case sdk::PayChannel::AlipayWap:
      created = payments_.createAlipay(factory_, user_, req, PaymentService::AlipayProduct::Wap);
      break;
  }
  sdk::CheckoutResult out;
  out.outTradeId = created.outTradeId;
  out.status = created.status;
  out.money = created.amount;
  out.points = created.points;
  out.pointsFen = created.pointsFen;
  out.payParams = created.payParams;
  out.createdAt = created.createdAt;
  out.expiresAt = created.expiresAt;
  return out;
}

}  // namespace paynext::core::payments
