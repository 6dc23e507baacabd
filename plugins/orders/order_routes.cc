#include "order_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "order_payment.h"
#include "pay_now_route.h"
#include "order_store.h"

namespace paynext::plugins::orders {

namespace p = sdk::params;

namespace {

constexpr std::size_t kMaxTitleBytes = 200;
const std::string kDefaultTitle = "商城订单";
// Orders paid by /order/pay carry this instead of a chain step's key.
const std::string kWalletReference = "wallet";

sdk::Route route(const std::string& method, const std::string& path, bool writes,
                 std::function<sdk::RouteResponse(sdk::RouteContext&)> handler) {
  return sdk::Route(method, path, sdk::Audience::User, writes, std::move(handler));
}


sdk::RouteResponse createOrder(sdk::RouteContext& ctx) {
  const sdk::Fen amount = p::requireMoney(*ctx.params, "amount");
  if (amount <= 0) throw p::invalid("amount", "大于 0 的金额");
  const std::string title = p::optionalText(*ctx.params, "title", kMaxTitleBytes);
  OrderStore store(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  return sdk::RouteResponse::ok(toJson(store.create(ctx.scope.userId, title.empty() ? kDefaultTitle : title, amount)));
}

sdk::RouteResponse orderDetail(sdk::RouteContext& ctx) {
  const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
  OrderStore store(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  auto order = store.findForUser(ctx.scope.userId, id);
  if (!order) throw sdk::Error(sdk::codes::kNoData, "订单不存在");
  return sdk::RouteResponse::ok(toJson(*order));
}

sdk::RouteResponse payOrders(sdk::RouteContext& ctx) {
  // The apifm-wxapi client's orderPay sends `orderId`; `id` is this API's own name.
  const std::string field = !p::has(*ctx.params, "id") && p::has(*ctx.params, "orderId") ? "orderId" : "id";
  OrderStore store(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  OrderPayment payment(store, ctx.scope.userId, OrderPayment::parseIds(*ctx.params, field));
  payment.pay(ctx.ledger, kWalletReference, ctx.scope.clock.nowMs());  // InsufficientFunds answers 30002 余额不足
  Poco::JSON::Array::Ptr orders = new Poco::JSON::Array;
  for (const auto& order : payment.orders()) orders->add(toJson(order));
  Poco::JSON::Object::Ptr data = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  data->set("amount", sdk::yuanNumber(payment.total()));
  data->set("balance", sdk::yuanNumber(ctx.ledger.balance()));
  data->set("orders", orders);
  return sdk::RouteResponse::ok(data);
}

sdk::RouteResponse listOrders(sdk::RouteContext& ctx) {
  const std::string status = p::optionalString(*ctx.params, "status").value_or("");
  if (!status.empty() && status != kUnpaid && status != kPaid) throw p::invalid("status", "UNPAID 或 PAID");
  const auto page = p::pageWindow(*ctx.params);
  OrderStore store(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  const auto orders = store.listForUser(ctx.scope.userId, status, page.offset, page.limit);
  // API工厂 answers an empty list with 700, which its client treats as "nothing yet".
  if (orders.empty()) return sdk::RouteResponse::noData();
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& order : orders) list->add(toJson(order));
  return sdk::RouteResponse::ok(list);
}

}  // namespace

std::vector<sdk::Route> orderRoutes() {
  return {route("POST", "/order/create", true, createOrder), route("*", "/order/detail", false, orderDetail),
          route("POST", "/order/pay", true, payOrders), route("*", "/order/list", false, listOrders),
          payNowRoute()};
}

}  // namespace paynext::plugins::orders
