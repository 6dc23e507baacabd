#include "user_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "coupon_store.h"
#include "rule_store.h"

namespace paynext::plugins::coupons {

namespace p = sdk::params;

namespace {

sdk::RouteResponse listOrNoData(const Poco::JSON::Array::Ptr& list) {
  // API工厂 answers an empty list with 700, which its client treats as "nothing yet".
  if (list->size() == 0) return sdk::RouteResponse::noData();
  return sdk::RouteResponse::ok(list);
}

sdk::RouteResponse myCoupons(sdk::RouteContext& ctx) {
  CouponFilter filter;
  filter.userId = ctx.scope.userId;
  filter.show = p::optionalString(*ctx.params, "status").value_or("");
  if (!filter.show.empty() && filter.show != kShowUsable && filter.show != kShowUsed && filter.show != kShowExpired) {
    throw p::invalid("status", "usable、used 或 expired");
  }
  const auto page = p::pageWindow(*ctx.params);
  filter.offset = page.offset;
  filter.limit = page.limit;
  const auto nowMs = ctx.scope.clock.nowMs();
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& coupon : CouponStore(ctx.scope.session, ctx.scope.factoryId).list(filter, nowMs)) {
    list->add(toJson(coupon, nowMs));
  }
  return listOrNoData(list);
}

sdk::RouteResponse claimableRules(sdk::RouteContext& ctx) {
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& rule : RuleStore(ctx.scope.session, ctx.scope.factoryId).listClaimable(ctx.scope.clock.nowMs())) {
    list->add(toPublicJson(rule));
  }
  return listOrNoData(list);
}

sdk::Route route(const std::string& path, sdk::Audience audience, sdk::RouteResponse (*handler)(sdk::RouteContext&)) {
  return sdk::Route("*", path, audience, false, handler);
}

}  // namespace

std::vector<sdk::Route> userRoutes() {
  return {route("/coupons/my", sdk::Audience::User, myCoupons),
          route("/coupons/rules", sdk::Audience::Public, claimableRules)};
}

}  // namespace paynext::plugins::coupons
