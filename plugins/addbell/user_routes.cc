#include "user_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/china_time.h"
#include "paynext/sdk/params.h"

#include "add_bell_quote.h"
#include "add_bell_store.h"
#include "order_store.h"
#include "status_filter.h"

namespace paynext::plugins::addbell {

namespace p = sdk::params;

namespace {

// apply needs units; a quote defaults to one.
AddBellQuote quoteOf(sdk::RouteContext& ctx, bool unitsRequired) {
  const std::int64_t orderId = p::requirePositiveInt(*ctx.params, "orderId");
  const std::int64_t units =
      unitsRequired ? p::requireInt(*ctx.params, "units") : p::optionalInt(*ctx.params, "units").value_or(1);
  return AddBellQuote::make(ctx.scope, orderId, units);
}

sdk::RouteResponse apply(sdk::RouteContext& ctx) {
  const AddBellQuote q = quoteOf(ctx, true);
  AddBellStore records(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  auto json = toJson(records.create(ctx.scope.userId, q.order.id, q.units, q.minutes, q.amount));
  json->set("endTime", sdk::formatChinaTime(q.order.endAt));
  return sdk::RouteResponse::ok(json);
}

sdk::RouteResponse quote(sdk::RouteContext& ctx) {
  const AddBellQuote q = quoteOf(ctx, false);
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("orderId", q.order.id);
  json->set("serviceName", q.service.name);
  json->set("unitMinutes", q.service.unitMinutes);
  json->set("unitPrice", sdk::yuanNumber(q.service.unitPrice));
  json->set("maxUnits", q.service.maxUnits);
  json->set("units", q.units);
  json->set("minutes", q.minutes);
  json->set("amount", sdk::yuanNumber(q.amount));
  json->set("endTime", sdk::formatChinaTime(q.order.endAt));
  json->set("newEndTime", sdk::formatChinaTime(q.order.endAt + q.minutes * kMinuteMs));
  return sdk::RouteResponse::ok(json);
}

sdk::RouteResponse listRecords(sdk::RouteContext& ctx) {
  const auto page = p::pageWindow(*ctx.params);
  const std::int64_t orderId = p::has(*ctx.params, "orderId") ? p::requirePositiveInt(*ctx.params, "orderId") : 0;
  const std::string status = recordStatusFilter(*ctx.params);
  AddBellStore records(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
  for (const auto& r : records.list(ctx.scope.userId, orderId, status, page.offset, page.limit)) out->add(toJson(r));
  return sdk::RouteResponse::list(out);
}

sdk::RouteResponse listOrders(sdk::RouteContext& ctx) {
  const auto page = p::pageWindow(*ctx.params);
  const std::int64_t now = ctx.scope.clock.nowMs();
  OrderStore orders(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
  for (const auto& o : orders.list(ctx.scope.userId, page.offset, page.limit)) out->add(toJson(o, now));
  return sdk::RouteResponse::list(out);
}

sdk::Route route(const std::string& method, const std::string& path, bool writes,
                 sdk::RouteResponse (*handler)(sdk::RouteContext&)) {
  return sdk::Route(method, path, sdk::Audience::User, writes, handler);
}

}  // namespace

std::vector<sdk::Route> userRoutes() {
  return {route("POST", "/addbell/apply", true, apply), route("*", "/addbell/quote", false, quote),
          route("*", "/addbell/records", false, listRecords), route("*", "/addbell/orders", false, listOrders)};
}

}  // namespace paynext::plugins::addbell
