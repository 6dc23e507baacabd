#include "user_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "admission_rules.h"
#include "status_param.h"

namespace paynext::plugins::cpmatch {

namespace p = sdk::params;

namespace {

int genderParam(const Poco::JSON::Object& params) {
  const std::int64_t gender = p::requireInt(params, "gender");
  if (gender != kMale && gender != kFemale) throw p::invalid("gender", "1(男)或 2(女)");
  return static_cast<int>(gender);
}

sdk::RouteResponse listActivities(sdk::RouteContext& ctx) {
  const auto page = p::pageWindow(*ctx.params);
  const std::int64_t nowMs = ctx.scope.clock.nowMs();
  SignupStore signups(ctx.scope);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& a : ActivityStore(ctx.scope).list(true, page.offset, page.limit)) {
    Poco::JSON::Object::Ptr json = toJson(a, nowMs);
    const auto mine = signups.findFor(ctx.scope.userId, a.id);
    json->set("mySignup", mine ? mine->status : "");
    list->add(json);
  }
  return sdk::RouteResponse::list(list);
}

sdk::RouteResponse signup(sdk::RouteContext& ctx) {
  ActivityStore activities(ctx.scope);
  SignupStore signups(ctx.scope);
  const Activity activity = requireActivity(activities, p::requirePositiveInt(*ctx.params, "cpactivityId"));
  const int gender = genderParam(*ctx.params);
  requireOpen(activity, ctx.scope.clock.nowMs());
  auto existing = signups.findFor(ctx.scope.userId, activity.id);
  if (existing) existing = requirePendingSignup(signups, ctx.scope.userId, activity);
  requirePlaceFor(activity, gender);
  // Signing up again before paying restates the gender, so one user holds one sign-up per activity.
  if (existing) {
    signups.restate(existing->id, gender);
    return sdk::RouteResponse::ok(toJson(ctx.scope, *signups.find(existing->id), &activity));
  }
  return sdk::RouteResponse::ok(toJson(ctx.scope, signups.create(ctx.scope.userId, activity.id, gender), &activity));
}

sdk::RouteResponse mySignups(sdk::RouteContext& ctx) {
  const std::string status = statusParam(*ctx.params);
  const auto page = p::pageWindow(*ctx.params);
  ActivityStore activities(ctx.scope);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& s : SignupStore(ctx.scope).list(ctx.scope.userId, 0, status, page.offset, page.limit)) {
    const auto activity = activities.find(s.activityId);
    list->add(toJson(ctx.scope, s, activity ? &*activity : nullptr));
  }
  return sdk::RouteResponse::list(list);
}

sdk::RouteResponse myMatch(sdk::RouteContext& ctx) {
  ActivityStore activities(ctx.scope);
  const Activity activity = requireActivity(activities, p::requirePositiveInt(*ctx.params, "cpactivityId"));
  const auto mine = SignupStore(ctx.scope).findFor(ctx.scope.userId, activity.id);
  if (!mine) throw sdk::Error(sdk::codes::kNoData, "您没有报名" + activity.named());
  return sdk::RouteResponse::ok(toJson(ctx.scope, *mine, &activity));
}

}  // namespace

std::vector<sdk::Route> userRoutes() {
  using sdk::Audience;
  using sdk::Route;
  return {Route("*", "/cpmatch/activities", Audience::User, false, listActivities),
          Route("POST", "/cpmatch/signup", Audience::User, true, signup),
          Route("*", "/cpmatch/my/signups", Audience::User, false, mySignups),
          Route("*", "/cpmatch/my/match", Audience::User, false, myMatch)};
}

}  // namespace paynext::plugins::cpmatch
