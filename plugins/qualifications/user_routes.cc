#include "user_routes.h"

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

// Enough for every kind a user can hold.
constexpr int kMaxHoldings = 10;

sdk::RouteResponse offers(sdk::RouteContext& ctx) {
  OfferStore store(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& kind : kinds()) {
    const auto offer = store.find(kind.type);
    if (offer && offer->onSale) list->add(toJson(kind, *offer));
  }
  return sdk::RouteResponse::list(list);
}

sdk::RouteResponse my(sdk::RouteContext& ctx) {
  const Kind* kind = optionalKind(*ctx.params);
  HolderFilter filter;
  filter.type = kind ? kind->type : 0;
  filter.userId = ctx.scope.userId;
  const auto held = HolderStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).list(filter, 0, kMaxHoldings);
  if (held.empty()) {
    return sdk::RouteResponse(sdk::codes::kNoData, kind ? "您还没有「" + kind->name + "」资格" : "您还没有购买任何资格");
  }
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& holding : held) list->add(toJson(holding, ctx.scope.clock.nowMs()));
  return sdk::RouteResponse::ok(list);
}

sdk::RouteResponse purchases(sdk::RouteContext& ctx) {
  const Kind* kind = optionalKind(*ctx.params);
  const auto page = p::pageWindow(*ctx.params);
  const auto rows = GrantStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock)
                        .list(kind ? kind->type : 0, ctx.scope.userId, page.offset, page.limit);
  if (rows.empty()) return sdk::RouteResponse::noData();
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& grant : rows) list->add(toJson(grant));
  return sdk::RouteResponse::ok(list);
}

}  // namespace

std::vector<sdk::Route> userRoutes() {
  using sdk::Audience;
  return {sdk::Route("*", "/qualifications/offers", Audience::Public, false, offers),
          sdk::Route("*", "/qualifications/my", Audience::User, false, my),
          sdk::Route("*", "/qualifications/purchases", Audience::User, false, purchases)};
}

}  // namespace paynext::plugins::qualifications
