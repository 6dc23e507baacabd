#include "admin_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "grant_store.h"
#include "holder_store.h"
#include "offer_request.h"
#include "offer_store.h"

namespace paynext::plugins::qualifications {

namespace p = sdk::params;

namespace {

OfferStore offerStore(sdk::RouteContext& ctx) {
  return OfferStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
}


int typeFilter(sdk::RouteContext& ctx) {
  const Kind* kind = optionalKind(*ctx.params);
  return kind ? kind->type : 0;
}

sdk::RouteResponse listOffers(sdk::RouteContext& ctx) {
  auto store = offerStore(ctx);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& kind : kinds()) list->add(toAdminJson(kind, store.find(kind.type)));
  return sdk::RouteResponse::ok(list);
}

sdk::RouteResponse saveOffer(sdk::RouteContext& ctx) {
  const Offer offer = offerStore(ctx).save(offerFromParams(*ctx.params));
  return sdk::RouteResponse::ok(toAdminJson(*kindOf(offer.type), offer));
}

sdk::RouteResponse listHolders(sdk::RouteContext& ctx) {
  HolderFilter filter;
  filter.type = typeFilter(ctx);
  filter.userId = p::optionalUser(*ctx.params, "userId", ctx.scope.users);
  filter.activeOnly = p::optionalBool(*ctx.params, "active").value_or(false);
  const auto window = p::offsetWindow(*ctx.params);
  const std::int64_t nowMs = ctx.scope.clock.nowMs();
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& holding :
       HolderStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).list(filter, window.offset, window.limit)) {
    auto json = toJson(holding, nowMs);
    // Who the holder is, as far as a module may know.
    const auto user = ctx.scope.users.find(holding.userId);
    json->set("nickname", user ? user->nickname : "");
    json->set("mobile", user ? user->maskedMobile : "");
    list->add(json);
  }
  return sdk::RouteResponse::ok(list);
}

sdk::RouteResponse listPurchases(sdk::RouteContext& ctx) {
  const int type = typeFilter(ctx);
  const std::int64_t userId = p::optionalUser(*ctx.params, "userId", ctx.scope.users);
  const auto window = p::offsetWindow(*ctx.params);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& grant : GrantStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock)
                               .list(type, userId, window.offset, window.limit)) {
    list->add(toJson(grant));
  }
  return sdk::RouteResponse::ok(list);
}

}  // namespace

std::vector<sdk::Route> adminRoutes() {
  // The titles are what admins see each resource as, under 模块设置 in the console.
  const auto admin = sdk::Audience::Admin;
  return {sdk::Route("GET", "/offers", admin, false, listOffers, "资格价格"),
          sdk::Route("PUT", "/offers", admin, true, saveOffer, "资格价格"),
          sdk::Route("GET", "/holders", admin, false, listHolders, "资格持有人"),
          sdk::Route("GET", "/purchases", admin, false, listPurchases, "资格购买记录")};
}

}  // namespace paynext::plugins::qualifications
