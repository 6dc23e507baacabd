#include "admin_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "coupon_store.h"
#include "rule_request.h"
#include "rule_store.h"

namespace paynext::plugins::coupons {

namespace p = sdk::params;

namespace {


sdk::Error ruleNotFound(std::int64_t id) {
  return sdk::Error(sdk::codes::kNoData, "优惠券规则 " + std::to_string(id) + " 不存在");
}

sdk::RouteResponse getRules(sdk::RouteContext& ctx) {
  RuleStore store(ctx.scope.session, ctx.scope.factoryId);
  if (p::has(*ctx.params, "id")) {
    const auto id = p::requirePositiveInt(*ctx.params, "id");
    auto rule = store.find(id);
    if (!rule) throw ruleNotFound(id);
    return sdk::RouteResponse::ok(toAdminJson(*rule));
  }
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& rule : store.list()) list->add(toAdminJson(rule));
  return sdk::RouteResponse::ok(list);
}

sdk::RouteResponse postRule(sdk::RouteContext& ctx) {
  const CouponRule rule = parseRule(*ctx.params);
  return sdk::RouteResponse::ok(toAdminJson(RuleStore(ctx.scope.session, ctx.scope.factoryId).create(rule, ctx.scope.clock.nowMs())));
}

sdk::RouteResponse putRule(sdk::RouteContext& ctx) {
  const auto id = p::requirePositiveInt(*ctx.params, "id");
  CouponRule rule = parseRule(*ctx.params);
  rule.id = id;
  RuleStore store(ctx.scope.session, ctx.scope.factoryId);
  if (!store.replace(rule)) throw ruleNotFound(id);
  return sdk::RouteResponse::ok(toAdminJson(*store.find(id)));
}

sdk::RouteResponse listIssued(sdk::RouteContext& ctx) {
  const auto& params = *ctx.params;
  CouponFilter filter;
  filter.userId = p::optionalUser(params, "userId", ctx.scope.users);
  if (p::has(params, "ruleId")) filter.ruleId = p::requirePositiveInt(params, "ruleId");
  filter.show = p::optionalString(params, "status").value_or("");
  if (!filter.show.empty() && filter.show != kShowUsable && filter.show != kShowUsed && filter.show != kShowExpired) {
    throw p::invalid("status", "usable、used 或 expired");
  }
  const auto window = p::offsetWindow(params);
  filter.limit = window.limit;
  filter.offset = window.offset;
  const auto nowMs = ctx.scope.clock.nowMs();
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& coupon : CouponStore(ctx.scope.session, ctx.scope.factoryId).list(filter, nowMs)) {
    list->add(toAdminJson(coupon, nowMs));
  }
  return sdk::RouteResponse::ok(list);
}

sdk::Route adminRoute(const std::string& method, const std::string& path, bool writes,
                      sdk::RouteResponse (*handler)(sdk::RouteContext&)) {
  const std::string title = path == "/rules" ? "优惠券规则" : "已发优惠券";
  return sdk::Route(method, path, sdk::Audience::Admin, writes, handler, title);
}

}  // namespace

std::vector<sdk::Route> adminRoutes() {
  return {adminRoute("GET", "/rules", false, getRules), adminRoute("POST", "/rules", true, postRule),
          adminRoute("PUT", "/rules", true, putRule), adminRoute("GET", "/issued", false, listIssued)};
}

}  // namespace paynext::plugins::coupons
