#include "admit_handler.h"

#include "paynext/sdk/errors.h"

#include "admission_rules.h"
#include "pay_request.h"

namespace paynext::plugins::cpmatch {

namespace {

const std::string kReason = "CP活动入场";

// The activity and the caller's pending sign-up, when the caller may pay now; else the refusal saying why not.
std::pair<Activity, Signup> requirePayable(sdk::Scope& scope, std::int64_t activityId) {
  ActivityStore activities(scope);
  SignupStore signups(scope);
  const Activity activity = requireActivity(activities, activityId);
  requireOpen(activity, scope.clock.nowMs());
  const Signup signup = requirePendingSignup(signups, scope.userId, activity);
  requirePlaceFor(activity, signup.gender);
  return {activity, signup};
}

Poco::JSON::Object::Ptr details(const Signup& signup, sdk::Fen amount) {
  Poco::JSON::Object::Ptr result = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  result->set("signupId", signup.id);
  result->set("cpactivityId", signup.activityId);
  result->set("gender", signup.gender);
  result->set("amount", sdk::yuanNumber(amount));
  return result;
}

}  // namespace

sdk::Fen AdmitHandler::validate(sdk::ValidateContext& ctx) {
  // What the step needs is the fee as admins set it, never what the payment carries.
  return requirePayable(ctx.scope, PayRequest::parse(*ctx.params).activityId).first.fee;
}

sdk::StepResult AdmitHandler::execute(sdk::ExecuteContext& ctx) {
  sdk::Scope& scope = ctx.scope;
  ActivityStore activities(scope);
  SignupStore signups(scope);
  Activity activity;
  try {
    const std::int64_t activityId = PayRequest::parse(*ctx.params).activityId;
    // Already admitted by this very step (a repeated run): answer as before, change nothing.
    if (auto done = signups.findFor(scope.userId, activityId);
        done && done->status == kAdmitted && done->reference == ctx.idempotencyKey) {
      return sdk::StepResult::done(details(*done, done->amount));
    }
    // The activity, the sign-up or the places may have changed since validate: ask again.
    const auto [open, signup] = requirePayable(scope, activityId);
    activity = open;
    // Taking the place first locks the activity's row, so what follows sees
    // every step of this activity committed before this one.
    if (!activities.takePlace(activity.id, signup.gender)) {
      const Activity now = requireActivity(activities, activity.id);
      requireOpen(now, scope.clock.nowMs());
      requirePlaceFor(now, signup.gender);
      return sdk::StepResult::fail(activity.named() + "名额已满");
    }
    if (!signups.admit(signup.id, ctx.idempotencyKey, activity.fee)) {
      requirePendingSignup(signups, scope.userId, activity);
      return sdk::StepResult::fail("您在" + activity.named() + "的报名已不能支付");
    }
    ctx.ledger.debit(activity.fee, kReason, "cpmatch:" + ctx.idempotencyKey);
    return sdk::StepResult::done(details(signup, activity.fee));
  } catch (const sdk::InsufficientFunds&) {
    return sdk::StepResult::fail("余额不足,参加" + activity.named() + "需要 " + sdk::formatYuan(activity.fee) + " 元");
  } catch (const sdk::Error& e) {
    // A refusal here is permanent (the activity or the sign-up changed): fail, the money stays in the wallet.
    return sdk::StepResult::fail(e.what());
  }
}

}  // namespace paynext::plugins::cpmatch
