#include "user_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/params.h"

#include "box_request.h"
#include "box_store.h"
#include "draw_picker.h"
#include "draw_store.h"
#include "pull_store.h"
#include "settings_store.h"

namespace paynext::plugins::blindbox {

namespace p = sdk::params;

namespace {

sdk::Route route(const std::string& method, const std::string& path, bool writes,
                 sdk::RouteResponse (*handler)(sdk::RouteContext&)) {
  return sdk::Route(method, path, sdk::Audience::User, writes, handler);
}

sdk::RouteResponse createBox(sdk::RouteContext& ctx) {
  const Box box = boxFromParams(*ctx.params, ctx.scope.userId);
  return sdk::RouteResponse::ok(toJson(BoxStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).create(box)));
}

sdk::RouteResponse listBoxes(sdk::RouteContext& ctx) {
  const auto w = p::pageWindow(*ctx.params);
  const std::string status = statusFilter(*ctx.params);
  const auto list =
      BoxStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).list(ctx.scope.userId, status, w.offset, w.limit);
  // API工厂 answers an empty list with 700, which its client treats as "nothing yet".
  if (list.empty()) return sdk::RouteResponse::noData();
  Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
  for (const auto& box : list) out->add(toJson(box));
  return sdk::RouteResponse::ok(out);
}

sdk::RouteResponse draw(sdk::RouteContext& ctx) {
  const Box box = drawOne(ctx.scope);
  auto json = toDrawnJson(box);
  json->set("pullsLeft", PullStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).left(ctx.scope.userId));
  return sdk::RouteResponse::ok(json);
}

sdk::RouteResponse listDraws(sdk::RouteContext& ctx) {
  const auto w = p::pageWindow(*ctx.params);
  BoxStore boxes(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  const auto list =
      DrawStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).list(ctx.scope.userId, w.offset, w.limit);
  if (list.empty()) return sdk::RouteResponse::noData();
  Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
  for (const auto& d : list) {
    const auto box = boxes.find(d.boxId);
    if (!box) continue;
    auto json = toDrawnJson(*box);
    json->set("drawnAt", d.createdAt);
    out->add(json);
  }
  return sdk::RouteResponse::ok(out);
}

sdk::RouteResponse info(sdk::RouteContext& ctx) {
  auto json = toJson(SettingsStore(ctx.scope.session, ctx.scope.factoryId).findOrDefault());
  json->set("pullsLeft", PullStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).left(ctx.scope.userId));
  return sdk::RouteResponse::ok(json);
}

}  // namespace

std::vector<sdk::Route> userRoutes() {
  return {route("POST", "/blindbox/box/create", true, createBox), route("*", "/blindbox/boxes", false, listBoxes),
          route("POST", "/blindbox/draw", true, draw), route("*", "/blindbox/draws", false, listDraws),
          route("*", "/blindbox/info", false, info)};
}

}  // namespace paynext::plugins::blindbox
