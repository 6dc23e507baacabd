#include "user_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "bill.h"
#include "dish_store.h"
#include "order_store.h"
#include "pay_request.h"
#include "table_request.h"
#include "table_store.h"

namespace paynext::plugins::catering {

namespace p = sdk::params;

namespace {

constexpr std::int64_t kMaxAdded = 99;
constexpr int kMaxLineQuantity = 999;
constexpr std::size_t kMaxLines = 100;

sdk::Route route(const std::string& method, const std::string& path, bool writes,
                 sdk::RouteResponse (*handler)(sdk::RouteContext&)) {
  return sdk::Route(method, path, sdk::Audience::User, writes, handler);
}

OrderStore orderStore(sdk::RouteContext& ctx) { return OrderStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock); }

std::string orderNotFound(std::int64_t id) { return "点餐订单 " + std::to_string(id) + " 不存在"; }

sdk::RouteResponse menu(sdk::RouteContext& ctx) {
  const auto page = p::pageWindow(*ctx.params);
  const auto dishes = DishStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).list(true, page.offset, page.limit);
  if (dishes.empty()) return sdk::RouteResponse::noData();
  Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
  for (const auto& dish : dishes) out->add(toUserJson(dish));
  return sdk::RouteResponse::ok(out);
}

sdk::RouteResponse openOrder(sdk::RouteContext& ctx) {
  const std::string code = tableCode(*ctx.params);
  const auto table = TableStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).findByCode(code);
  if (!table) throw sdk::Error(sdk::codes::kNoData, "餐桌码 " + code + " 不存在,请重新扫码");
  auto orders = orderStore(ctx);
  // Scanning again answers the order already open there.
  if (auto open = orders.findOpenAt(ctx.scope.userId, table->id)) return sdk::RouteResponse::ok(toUserJson(*open));
  return sdk::RouteResponse::ok(toUserJson(orders.open(ctx.scope.userId, *table)));
}

sdk::RouteResponse addDish(sdk::RouteContext& ctx) {
  const std::int64_t orderId = p::requirePositiveInt(*ctx.params, "orderId");
  const std::int64_t dishId = p::requirePositiveInt(*ctx.params, "dishId");
  const std::int64_t quantity = p::optionalInt(*ctx.params, "quantity").value_or(1);
  if (quantity < 1 || quantity > kMaxAdded) throw p::invalid("quantity", "1 到 99 之间的整数");
  auto orders = orderStore(ctx);
  auto order = orders.findForUser(ctx.scope.userId, orderId);
  if (!order) throw sdk::Error(sdk::codes::kNoData, orderNotFound(orderId));
  if (order->status != kOpen) {
    throw sdk::Error(sdk::codes::kBadRequest, "点餐订单 " + std::to_string(orderId) + " 已支付,不能再加菜");
  }
  const auto dish = DishStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).find(dishId);
  if (!dish) throw sdk::Error(sdk::codes::kNoData, "菜品 " + std::to_string(dishId) + " 不存在");
  if (!dish->onSale) throw sdk::Error(sdk::codes::kBadRequest, "菜品「" + dish->name + "」已售罄");
  int already = 0;
  for (const auto& line : order->lines) {
    if (line.dishId == dishId) already = line.quantity;
  }
  if (already + quantity > kMaxLineQuantity) {
    throw sdk::Error(sdk::codes::kBadRequest, "菜品「" + dish->name + "」一单最多点 999 份");
  }
  if (already == 0 && order->lines.size() >= kMaxLines) {
    throw sdk::Error(sdk::codes::kBadRequest, "一单最多点 100 种菜品");
  }
  orders.addDish(orderId, *dish, static_cast<int>(quantity));
  return sdk::RouteResponse::ok(toUserJson(*orders.findForUser(ctx.scope.userId, orderId)));
}

sdk::RouteResponse orderInfo(sdk::RouteContext& ctx) {
  const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
  const auto order = orderStore(ctx).findForUser(ctx.scope.userId, id);
  if (!order) throw sdk::Error(sdk::codes::kNoData, orderNotFound(id));
  return sdk::RouteResponse::ok(toUserJson(*order));
}

sdk::RouteResponse listOrders(sdk::RouteContext& ctx) {
  const auto page = p::pageWindow(*ctx.params);
  const std::string status = statusFilter(*ctx.params);
  const auto orders = orderStore(ctx).list(ctx.scope.userId, status, page.offset, page.limit);
  if (orders.empty()) return sdk::RouteResponse::noData();
  Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
  for (const auto& order : orders) out->add(toUserJson(order));
  return sdk::RouteResponse::ok(out);
}

sdk::RouteResponse quote(sdk::RouteContext& ctx) {
  // The same params and checks as the type 9 step, so the quote is what the payment will need.
  const PayRequest request = PayRequest::parse(*ctx.params);
  auto orders = orderStore(ctx);
  const Order order = requirePayable(orders, ctx.scope.userId, request.orderId);
  const Bill bill = priceBill(ctx.scope, order, request.couponIds);
  Poco::JSON::Object::Ptr out = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  out->set("orderId", order.id);
  out->set("total", sdk::yuanNumber(bill.total));
  out->set("discount", sdk::yuanNumber(bill.discount));
  out->set("due", sdk::yuanNumber(bill.due));
  out->set("couponIds", request.couponText());
  return sdk::RouteResponse::ok(out);
}

}  // namespace

std::vector<sdk::Route> userRoutes() {
  return {route("*", "/catering/menu", false, menu),         route("POST", "/catering/order/open", true, openOrder),
          route("POST", "/catering/order/add", true, addDish), route("*", "/catering/order", false, orderInfo),
          route("*", "/catering/orders", false, listOrders),  route("*", "/catering/quote", false, quote)};
}

}  // namespace paynext::plugins::catering
