#include "admin_routes.h"

#include <algorithm>

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "activity_request.h"
#include "admission_rules.h"
#include "pair_store.h"
#include "person.h"
#include "status_param.h"

namespace paynext::plugins::cpmatch {

namespace p = sdk::params;

namespace {

// The activity an admin filters by, which must exist; 0 when not given.
std::int64_t optionalActivity(sdk::RouteContext& ctx) {
  if (!p::has(*ctx.params, "cpactivityId")) return 0;
  ActivityStore activities(ctx.scope);
  return requireActivity(activities, p::requirePositiveInt(*ctx.params, "cpactivityId")).id;
}

sdk::RouteResponse listActivities(sdk::RouteContext& ctx) {
  const std::int64_t nowMs = ctx.scope.clock.nowMs();
  ActivityStore activities(ctx.scope);
  if (p::has(*ctx.params, "id")) {
    return sdk::RouteResponse::ok(toJson(requireActivity(activities, p::requirePositiveInt(*ctx.params, "id")), nowMs));
  }
  const auto w = p::offsetWindow(*ctx.params);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& a : activities.list(false, w.offset, w.limit)) list->add(toJson(a, nowMs));
  return sdk::RouteResponse::ok(list);
}

sdk::RouteResponse createActivity(sdk::RouteContext& ctx) {
  const Activity created = ActivityStore(ctx.scope).create(activityFromParams(*ctx.params, false));
  return sdk::RouteResponse::ok(toJson(created, ctx.scope.clock.nowMs()));
}

sdk::RouteResponse replaceActivity(sdk::RouteContext& ctx) {
  Activity activity = activityFromParams(*ctx.params, true);
  ActivityStore activities(ctx.scope);
  const Activity before = requireActivity(activities, activity.id);
  // The route is one serial transaction, so what is read here is what the update meets.
  if (before.pairedAt != 0) throw sdk::Error(sdk::codes::kBadRequest, before.named() + "已配对,不能再修改");
  if (before.admitted() > 0 && activity.perGender != before.perGender) {
    throw sdk::ParamError("perGender", "已有人入场,参数 perGender 不能再改");
  }
  const std::int64_t needed =
      activity.perGender ? 2 * std::max(before.admittedMale, before.admittedFemale) : before.admitted();
  if (activity.capacity < needed) {
    throw sdk::ParamError("capacity", "参数 capacity 不能少于已入场占用的名额 " + std::to_string(needed));
  }
  activities.update(activity);
  return sdk::RouteResponse::ok(toJson(activity, ctx.scope.clock.nowMs()));
}

Poco::JSON::Object::Ptr participantJson(sdk::RouteContext& ctx, const Signup& signup, const Activity* activity) {
  Poco::JSON::Object::Ptr json = toJson(ctx.scope, signup, activity);
  const auto user = personJson(ctx.scope, signup.userId);
  json->set("nickname", user->getValue<std::string>("nickname"));
  json->set("mobile", user->getValue<std::string>("mobile"));
  json->set("reference", signup.reference);
  return json;
}

sdk::RouteResponse listParticipants(sdk::RouteContext& ctx) {
  ActivityStore activities(ctx.scope);
  SignupStore signups(ctx.scope);
  if (p::has(*ctx.params, "id")) {
    const std::int64_t id = p::requirePositiveInt(*ctx.params, "id");
    const auto signup = signups.find(id);
    if (!signup) throw sdk::Error(sdk::codes::kNoData, "CP活动报名 " + std::to_string(id) + " 不存在");
    const auto activity = activities.find(signup->activityId);
    return sdk::RouteResponse::ok(participantJson(ctx, *signup, activity ? &*activity : nullptr));
  }
  const std::int64_t userId = p::optionalUser(*ctx.params, "userId", ctx.scope.users);
  const std::int64_t activityId = optionalActivity(ctx);
  const std::string status = statusParam(*ctx.params);
  const auto w = p::offsetWindow(*ctx.params);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& s : signups.list(userId, activityId, status, w.offset, w.limit)) {
    const auto activity = activities.find(s.activityId);
    list->add(participantJson(ctx, s, activity ? &*activity : nullptr));
  }
  return sdk::RouteResponse::ok(list);
}

sdk::RouteResponse listPairs(sdk::RouteContext& ctx) {
  const std::int64_t activityId = optionalActivity(ctx);
  const auto w = p::offsetWindow(*ctx.params);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& pair : PairStore(ctx.scope).list(activityId, w.offset, w.limit)) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("id", pair.id);
    json->set("cpactivityId", pair.activityId);
    json->set("first", personJson(ctx.scope, pair.firstUserId));
    json->set("second", personJson(ctx.scope, pair.secondUserId));
    json->set("createdAt", pair.createdAt);
    list->add(json);
  }
  return sdk::RouteResponse::ok(list);
}

// What admins see each resource as, in the console's 模块设置.
std::string titleOf(const std::string& path) {
  if (path == "/activities") return "CP活动";
  if (path == "/participants") return "报名与入场";
  return "配对结果";
}

sdk::Route adminRoute(const std::string& method, const std::string& path, bool writes,
                      sdk::RouteResponse (*handler)(sdk::RouteContext&)) {
  return sdk::Route(method, path, sdk::Audience::Admin, writes, handler, titleOf(path));
}

}  // namespace

std::vector<sdk::Route> adminRoutes() {
  // One path per resource, so the console shows each as one section (it GETs every path without params).
  return {adminRoute("GET", "/activities", false, listActivities),
          adminRoute("POST", "/activities", true, createActivity),
          adminRoute("PUT", "/activities", true, replaceActivity),
          adminRoute("GET", "/participants", false, listParticipants),
          adminRoute("GET", "/pairs", false, listPairs)};
}

}  // namespace paynext::plugins::cpmatch
