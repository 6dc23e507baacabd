#include "member_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"

#include "catalog_store.h"
#include "member_store.h"
#include "paging.h"

namespace paynext::plugins::membership {

namespace {

const std::string kNotMember = "您还不是会员";

sdk::Route route(const std::string& method, const std::string& path, sdk::Audience audience, bool writes,
                 sdk::RouteResponse (*handler)(sdk::RouteContext&)) {
  return sdk::Route(method, path, audience, writes, handler);
}


sdk::RouteResponse levels(sdk::RouteContext& ctx) {
  CatalogStore catalog(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& level : catalog.levels()) {
    Poco::JSON::Array::Ptr prices = new Poco::JSON::Array;
    for (const auto& item : catalog.prices(level.id)) {
      if (item.enabled) prices->add(toJson(item));
    }
    auto json = toJson(level);
    json->set("prices", prices);
    list->add(json);
  }
  if (list->size() == 0) return sdk::RouteResponse::noData();
  return sdk::RouteResponse::ok(list);
}

Poco::JSON::Object::Ptr memberJson(sdk::Scope& scope, const Member& member) {
  CatalogStore catalog(scope.session, scope.factoryId, scope.clock);
  const auto level = catalog.findLevel(member.levelId);
  return toJson(member, level ? level->name : "", scope.clock.nowMs());
}

sdk::RouteResponse my(sdk::RouteContext& ctx) {
  const auto member = MemberStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).findMember(ctx.scope.userId);
  if (!member) throw sdk::Error(sdk::codes::kNoData, kNotMember);
  return sdk::RouteResponse::ok(memberJson(ctx.scope, *member));
}

sdk::RouteResponse autoRenewOff(sdk::RouteContext& ctx) {
  MemberStore members(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  auto member = members.findMember(ctx.scope.userId);
  if (!member) throw sdk::Error(sdk::codes::kNoData, kNotMember);
  member->autoRenew = false;
  members.saveMember(*member);
  return sdk::RouteResponse::ok(memberJson(ctx.scope, *members.findMember(ctx.scope.userId)));
}

sdk::RouteResponse renewals(sdk::RouteContext& ctx) {
  const auto [offset, limit] = pageOf(*ctx.params);
  const auto rows =
      MemberStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).renewals(ctx.scope.userId, offset, limit);
  if (rows.empty()) return sdk::RouteResponse::noData();
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& r : rows) list->add(toJson(r));
  return sdk::RouteResponse::ok(list);
}

}  // namespace

std::vector<sdk::Route> memberRoutes() {
  using sdk::Audience;
  return {route("*", "/membership/levels", Audience::Public, false, levels),
          route("*", "/membership/my", Audience::User, false, my),
          route("POST", "/membership/autoRenew/off", Audience::User, true, autoRenewOff),
          route("*", "/membership/renewals", Audience::User, false, renewals)};
}

}  // namespace paynext::plugins::membership
