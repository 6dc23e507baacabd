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
  req.returnUrl = request.returnUrl;
  req.quitUrl = request.quitUrl;
  if (request.channel.none()) return payments_.createPointsOnly(factory_, user_, req);
  return payments_.create(factory_, user_, req, request.channel.name, request.channel.method);
}

}  // namespace paynext::core::payments
