#include "user_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/params.h"

#include "card_store.h"
#include "issued_store.h"

namespace paynext::plugins::membercard {

namespace {

sdk::RouteResponse listCards(sdk::RouteContext& ctx) {
  const auto page = sdk::params::pageWindow(*ctx.params);
  const auto list = CardStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).list(true, page.offset, page.limit);
  if (list.empty()) return sdk::RouteResponse::noData();
  Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
  for (const auto& card : list) out->add(toUserJson(card));
  return sdk::RouteResponse::ok(out);
}

sdk::RouteResponse myCards(sdk::RouteContext& ctx) {
  const auto page = sdk::params::pageWindow(*ctx.params);
  IssuedStore issued(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  const auto list = issued.list(ctx.scope.userId, 0, page.offset, page.limit);
  if (list.empty()) return sdk::RouteResponse::noData();
  const std::int64_t now = ctx.scope.clock.nowMs();
  Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
  for (const auto& card : list) out->add(toUserJson(card, now));
  return sdk::RouteResponse::ok(out);
}

}  // namespace

std::vector<sdk::Route> userRoutes() {
  return {sdk::Route("*", "/membercard/cards", sdk::Audience::User, false, listCards),
          sdk::Route("*", "/membercard/my", sdk::Audience::User, false, myCards)};
}

}  // namespace paynext::plugins::membercard
