#include "admin_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "card_request.h"
#include "card_store.h"
#include "issued_store.h"

namespace paynext::plugins::membercard {

namespace p = sdk::params;

namespace {

CardStore cardStore(sdk::RouteContext& ctx) { return CardStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock); }

std::string cardNotFound(std::int64_t id) { return "会员卡 " + std::to_string(id) + " 不存在"; }

sdk::RouteResponse getCard(sdk::RouteContext& ctx) {
  const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
  const auto card = cardStore(ctx).find(id);
  if (!card) throw sdk::Error(sdk::codes::kNoData, cardNotFound(id));
  return sdk::RouteResponse::ok(toAdminJson(*card));
}

sdk::RouteResponse listCards(sdk::RouteContext& ctx) {
  if (p::has(*ctx.params, "id")) return getCard(ctx);
  const auto w = p::offsetWindow(*ctx.params);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& card : cardStore(ctx).list(false, w.offset, w.limit)) list->add(toAdminJson(card));
  return sdk::RouteResponse::ok(list);
}

sdk::RouteResponse createCard(sdk::RouteContext& ctx) {
  return sdk::RouteResponse::ok(toAdminJson(cardStore(ctx).create(cardFromParams(*ctx.params, false))));
}

sdk::RouteResponse replaceCard(sdk::RouteContext& ctx) {
  Card card = cardFromParams(*ctx.params, true);
  if (!cardStore(ctx).update(card)) throw sdk::Error(sdk::codes::kNoData, cardNotFound(card.id));
  return sdk::RouteResponse::ok(toAdminJson(card));
}

sdk::RouteResponse listIssued(sdk::RouteContext& ctx) {
  IssuedStore issued(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  const std::int64_t now = ctx.scope.clock.nowMs();
  if (p::has(*ctx.params, "id")) {
    const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
    const auto card = issued.find(id);
    if (!card) throw sdk::Error(sdk::codes::kNoData, "已发会员卡 " + std::to_string(id) + " 不存在");
    return sdk::RouteResponse::ok(toAdminJson(*card, now));
  }
  const std::int64_t userId = p::optionalUser(*ctx.params, "userId", ctx.scope.users);
  std::int64_t cardId = 0;
  if (p::has(*ctx.params, "cardId")) {
    cardId = p::requirePositiveInt(*ctx.params, "cardId");
    if (!cardStore(ctx).find(cardId)) throw sdk::Error(sdk::codes::kNoData, cardNotFound(cardId));
  }
  const auto w = p::offsetWindow(*ctx.params);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& card : issued.list(userId, cardId, w.offset, w.limit)) list->add(toAdminJson(card, now));
  return sdk::RouteResponse::ok(list);
}

}  // namespace

std::vector<sdk::Route> adminRoutes() {
  // One path per resource, so the console shows each as one section (it GETs every path without params).
  const auto admin = sdk::Audience::Admin;
  return {sdk::Route("GET", "/cards", admin, false, listCards, "会员卡"),
          sdk::Route("POST", "/cards", admin, true, createCard, "会员卡"),
          sdk::Route("PUT", "/cards", admin, true, replaceCard, "会员卡"),
          sdk::Route("GET", "/issued", admin, false, listIssued, "已发会员卡")};
}

}  // namespace paynext::plugins::membercard
