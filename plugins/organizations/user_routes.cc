#include "user_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "organization_store.h"
#include "organization_view.h"
#include "price_store.h"

namespace paynext::plugins::organizations {

namespace p = sdk::params;

namespace {

OrganizationStore orgsOf(sdk::RouteContext& ctx) {
  return OrganizationStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
}

// The organization organizeId names; another factory's is not found.
Organization organizationOf(sdk::RouteContext& ctx, OrganizationStore& orgs) {
  const std::int64_t id = p::requirePositiveInt(*ctx.params, "organizeId");
  auto org = orgs.find(id);
  if (!org) throw sdk::Error(sdk::codes::kNoData, "组织 " + std::to_string(id) + " 不存在");
  return *org;
}

sdk::RouteResponse listPrices(sdk::RouteContext& ctx) {
  const auto page = p::pageWindow(*ctx.params);
  const auto items =
      PriceStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).list(true, page.offset, page.limit);
  if (items.empty()) return sdk::RouteResponse::noData();
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& item : items) list->add(toJson(item));
  return sdk::RouteResponse::ok(list);
}

sdk::RouteResponse listMine(sdk::RouteContext& ctx) {
  const auto page = p::pageWindow(*ctx.params);
  auto orgs = orgsOf(ctx);
  const auto mine = orgs.listOf(ctx.scope.userId, page.offset, page.limit);
  if (mine.empty()) return sdk::RouteResponse::noData();
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& org : mine) list->add(withMembers(ctx.scope, orgs, org));
  return sdk::RouteResponse::ok(list);
}

sdk::RouteResponse info(sdk::RouteContext& ctx) {
  auto orgs = orgsOf(ctx);
  const Organization org = organizationOf(ctx, orgs);
  // Members only: to others an organization is as if it did not exist.
  if (!orgs.isMember(org.id, ctx.scope.userId)) {
    throw sdk::Error(sdk::codes::kNoData, "组织 " + std::to_string(org.id) + " 不存在");
  }
  return sdk::RouteResponse::ok(withMembers(ctx.scope, orgs, org));
}

sdk::RouteResponse join(sdk::RouteContext& ctx) {
  auto orgs = orgsOf(ctx);
  const Organization org = organizationOf(ctx, orgs);
  const std::string named = "组织「" + org.name + "」";
  if (orgs.isMember(org.id, ctx.scope.userId)) throw sdk::Error(sdk::codes::kBadRequest, "您已是" + named + "的成员");
  if (org.expiresAt <= ctx.scope.clock.nowMs()) throw sdk::Error(sdk::codes::kBadRequest, named + "已过期,不能加入");
  // Counted in this write transaction, which runs as if serial: the last place goes to one user.
  if (org.memberCount >= org.memberCap) {
    throw sdk::Error(sdk::codes::kBadRequest,
                     named + "人数已满(上限 " + std::to_string(org.memberCap) + " 人),不能加入");
  }
  orgs.addMember(org.id, ctx.scope.userId);
  return sdk::RouteResponse::ok(withMembers(ctx.scope, orgs, *orgs.find(org.id)));
}

sdk::RouteResponse leave(sdk::RouteContext& ctx) {
  auto orgs = orgsOf(ctx);
  const Organization org = organizationOf(ctx, orgs);
  const std::string named = "组织「" + org.name + "」";
  if (org.ownerId == ctx.scope.userId) throw sdk::Error(sdk::codes::kBadRequest, "您是" + named + "的创建者,不能退出");
  if (!orgs.removeMember(org.id, ctx.scope.userId)) {
    throw sdk::Error(sdk::codes::kBadRequest, "您不是" + named + "的成员");
  }
  return sdk::RouteResponse::ok();
}

sdk::Route userRoute(const std::string& method, const std::string& path, bool writes,
                     sdk::RouteResponse (*handler)(sdk::RouteContext&)) {
  return sdk::Route(method, path, sdk::Audience::User, writes, handler);
}

}  // namespace

std::vector<sdk::Route> userRoutes() {
  return {userRoute("*", "/organizations/prices", false, listPrices),
          userRoute("*", "/organizations/my", false, listMine), userRoute("*", "/organizations/info", false, info),
          userRoute("POST", "/organizations/join", true, join), userRoute("POST", "/organizations/leave", true, leave)};
}

}  // namespace paynext::plugins::organizations
