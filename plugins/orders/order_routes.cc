#include "order_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "goods_order.h"
#include "goods_store.h"
#include "goods_wanted.h"
#include "order_payment.h"
#include "order_store.h"
#include "pay_now_route.h"

namespace paynext::plugins::orders {

namespace p = sdk::params;

namespace {

// Orders paid by /order/pay carry this instead of a chain step's key.
const std::string kWalletReference = "wallet";

sdk::Route route(const std::string& method, const std::string& path, bool writes,
                 std::function<sdk::RouteResponse(sdk::RouteContext&)> handler) {
  return sdk::Route(method, path, sdk::Audience::User, writes, std::move(handler));
}

// The goods a client can order, for anyone (a catalog is shown before login).
sdk::RouteResponse listGoods(sdk::RouteContext& ctx) {
  const auto page = p::pageWindow(*ctx.params);
  GoodsStore goods(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& g : goods.list(true, page.offset, page.limit)) list->add(toJson(g, false));
  return sdk::RouteResponse::list(list);
}

// The apifm-wxapi client's orderPay / orderClose send `orderId`; `id` is this API's own name.
std::string idField(const Poco::JSON::Object& params) {
  return !p::has(params, "id") && p::has(params, "orderId") ? "orderId" : "id";
}

sdk::RouteResponse createOrder(sdk::RouteContext& ctx) {
  // The price comes from the goods only: a client's amount is never trusted.
  if (!p::has(*ctx.params, "goodsJsonStr") && p::has(*ctx.params, "amount")) {
    throw sdk::ParamError("amount", "不接受参数 amount:订单按商品计价,请用 goodsJsonStr 给出商品和数量");
  }
  const auto wanted = parseGoodsWanted(*ctx.params);
  OrderStore store(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  GoodsStore goods(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  return sdk::RouteResponse::ok(toJson(createGoodsOrder(store, goods, ctx.scope.userId, wanted)));
}

sdk::RouteResponse orderDetail(sdk::RouteContext& ctx) {
  const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
  OrderStore store(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  auto order = store.findForUser(ctx.scope.userId, id);
  if (!order) throw sdk::Error(sdk::codes::kNoData, "订单不存在");
  return sdk::RouteResponse::ok(toJson(*order));
}

sdk::RouteResponse payOrders(sdk::RouteContext& ctx) {
  OrderStore store(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  GoodsStore goods(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  OrderPayment payment(store, goods, ctx.scope.userId, OrderPayment::parseIds(*ctx.params, idField(*ctx.params)));
  payment.pay(ctx.ledger, kWalletReference, ctx.scope.clock.nowMs());  // InsufficientFunds answers 30002 余额不足
  Poco::JSON::Array::Ptr orders = new Poco::JSON::Array;
  for (const auto& order : payment.orders()) orders->add(toJson(order));
  Poco::JSON::Object::Ptr data = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  data->set("amount", sdk::yuanNumber(payment.total()));
  data->set("balance", sdk::yuanNumber(ctx.ledger.balance()));
  data->set("orders", orders);
  return sdk::RouteResponse::ok(data);
}

sdk::RouteResponse closeOrder(sdk::RouteContext& ctx) {
  const std::string field = idField(*ctx.params);
  const std::int64_t id = p::requirePositiveInt(*ctx.params, field);
  OrderStore store(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  auto order = store.findForUser(ctx.scope.userId, id);
  if (!order) throw sdk::Error(sdk::codes::kNoData, "订单不存在");
  if (order->status == kPaid) throw sdk::Error(sdk::codes::kBadRequest, "订单已支付,不能关闭");
  if (order->status == kCancelled) throw sdk::Error(sdk::codes::kBadRequest, "订单已取消,不能关闭");
  // Closing a closed order again answers it as it is.
  if (order->status == kUnpaid) {
    store.close(ctx.scope.userId, id);
    order->status = kClosed;
  }
  return sdk::RouteResponse::ok(toJson(*order));
}

sdk::RouteResponse listOrders(sdk::RouteContext& ctx) {
  const std::string status = statusFilter(*ctx.params);
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
          route("POST", "/order/pay", true, payOrders),       route("*", "/order/list", false, listOrders),
          payNowRoute(),                                      route("POST", "/order/close", true, closeOrder),
          sdk::Route("*", "/order/goods", sdk::Audience::Public, false, listGoods)};
}

}  // namespace paynext::plugins::orders
