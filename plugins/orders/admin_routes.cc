#include "admin_routes.h"

#include <Poco/JSON/Array.h>
#include <Poco/String.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/messages.h"
#include "paynext/sdk/params.h"

#include "goods_request.h"
#include "goods_store.h"
#include "order_cancel.h"
#include "order_store.h"

namespace paynext::plugins::orders {

namespace p = sdk::params;

namespace {

constexpr std::size_t kMaxTitleBytes = 200;
constexpr std::size_t kMaxCancelReasonBytes = 200;
const std::string kDefaultTitle = "商城订单";

GoodsStore goodsStore(sdk::RouteContext& ctx) { return GoodsStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock); }
OrderStore orderStore(sdk::RouteContext& ctx) { return OrderStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock); }

// Admins see whose order it is.
Poco::JSON::Object::Ptr adminJson(const Order& order) {
  Poco::JSON::Object::Ptr json = toJson(order);
  json->set("userId", order.userId);
  return json;
}

sdk::RouteResponse listGoods(sdk::RouteContext& ctx) {
  if (p::has(*ctx.params, "id")) {
    const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
    const auto goods = goodsStore(ctx).find(id);
    if (!goods) throw goodsNotFound(id);
    return sdk::RouteResponse::ok(toJson(*goods));
  }
  const auto window = p::offsetWindow(*ctx.params);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& goods : goodsStore(ctx).list(false, window.offset, window.limit)) list->add(toJson(goods));
  return sdk::RouteResponse::ok(list);
}

sdk::RouteResponse createGoods(sdk::RouteContext& ctx) {
  return sdk::RouteResponse::ok(toJson(goodsStore(ctx).create(goodsFromParams(*ctx.params, false))));
}

sdk::RouteResponse replaceGoods(sdk::RouteContext& ctx) {
  Goods goods = goodsFromParams(*ctx.params, true);
  if (!goodsStore(ctx).update(goods)) throw goodsNotFound(goods.id);
  return sdk::RouteResponse::ok(toJson(goods));
}

sdk::RouteResponse listOrders(sdk::RouteContext& ctx) {
  if (p::has(*ctx.params, "id")) {
    const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
    const auto order = orderStore(ctx).find(id);
    if (!order) throw sdk::Error(sdk::codes::kNoData, "订单 " + std::to_string(id) + " 不存在");
    return sdk::RouteResponse::ok(adminJson(*order));
  }
  const std::int64_t userId = p::optionalUser(*ctx.params, "userId", ctx.scope.users);
  const std::string status = statusFilter(*ctx.params);
  const auto window = p::offsetWindow(*ctx.params);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& order : orderStore(ctx).list(userId, status, window.offset, window.limit)) list->add(adminJson(order));
  return sdk::RouteResponse::ok(list);
}

sdk::RouteResponse createOrder(sdk::RouteContext& ctx) {
  const std::int64_t userId = p::requirePositiveInt(*ctx.params, "userId");
  if (!ctx.scope.users.find(userId)) throw sdk::Error(sdk::codes::kNoData, sdk::messages::userNotFound(userId));
  const sdk::Fen amount = p::requireMoney(*ctx.params, "amount");
  if (amount <= 0) throw p::invalid("amount", "大于 0 的金额");
  const std::string title = p::optionalText(*ctx.params, "title", kMaxTitleBytes);
  return sdk::RouteResponse::ok(adminJson(orderStore(ctx).create(userId, title.empty() ? kDefaultTitle : title, amount)));
}

sdk::RouteResponse cancelOrder(sdk::RouteContext& ctx) {
  const std::int64_t id = p::requirePositiveInt(*ctx.params, "orderId");
  // Kept on the order and in the buyer's ledger, so blanks alone are no reason.
  const std::string reason = Poco::trim(p::requireText(*ctx.params, "reason", kMaxCancelReasonBytes));
  if (reason.empty()) throw p::missing("reason");
  GoodsStore goods = goodsStore(ctx);
  OrderStore orders = orderStore(ctx);
  return sdk::RouteResponse::ok(
      adminJson(cancelPaidOrder(orders, goods, ctx.scope.wallets, id, reason, ctx.scope.clock.nowMs())));
}

sdk::Route adminRoute(const std::string& method, const std::string& path, bool writes, sdk::Route::Handler handler) {
  // What admins see each resource as, in the console's 模块设置.
  return sdk::Route(method, path, sdk::Audience::Admin, writes, std::move(handler),
                    path == "/goods" ? "商品管理" : "商城订单");
}

}  // namespace

std::vector<sdk::Route> adminRoutes() {
  // One path per resource, so the console shows each as one section (it GETs every path without params);
  // the cancel is an action on an order, its own section with only a POST form.
  return {adminRoute("GET", "/goods", false, listGoods), adminRoute("POST", "/goods", true, createGoods),
          adminRoute("PUT", "/goods", true, replaceGoods), adminRoute("GET", "/orders", false, listOrders),
          adminRoute("POST", "/orders", true, createOrder), adminRoute("POST", "/orders/cancel", true, cancelOrder)};
}

}  // namespace paynext::plugins::orders
