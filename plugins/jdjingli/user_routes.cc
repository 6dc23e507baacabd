#include "user_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/params.h"

#include "order_bill.h"
#include "pay_request.h"

namespace paynext::plugins::jdjingli {

namespace p = sdk::params;

namespace {

sdk::RouteResponse quoteOrder(sdk::RouteContext& ctx) {
  const PayRequest request = PayRequest::parse(*ctx.params, "orderToken");
  JdOrderStore orders(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  const std::int64_t nowMs = ctx.scope.clock.nowMs();
  const JdOrder order = requirePayable(orders, request.token, nowMs);
  const JdBill bill = priceBill(ctx.scope, order, ctx.scope.userId, request.couponId);
  auto json = toJson(order, nowMs);
  json->set("couponId", request.couponId);
  json->set("discount", sdk::yuanNumber(bill.discount));
  json->set("due", sdk::yuanNumber(bill.due));
  return sdk::RouteResponse::ok(json);
}

sdk::RouteResponse myOrders(sdk::RouteContext& ctx) {
  const auto page = p::pageWindow(*ctx.params);
  JdOrderStore orders(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& order : orders.list(ctx.scope.userId, kPaid, page.offset, page.limit)) {
    list->add(toJson(order, ctx.scope.clock.nowMs()));
  }
  return sdk::RouteResponse::list(list);
}

}  // namespace

std::vector<sdk::Route> userRoutes() {
  return {sdk::Route("*", "/jdjingli/order", sdk::Audience::User, false, quoteOrder),
          sdk::Route("*", "/jdjingli/my/orders", sdk::Audience::User, false, myOrders)};
}

}  // namespace paynext::plugins::jdjingli
