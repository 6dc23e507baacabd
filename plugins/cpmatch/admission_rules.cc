#include "admission_rules.h"

#include "paynext/sdk/errors.h"

namespace paynext::plugins::cpmatch {

namespace {

sdk::Error refused(const std::string& message) { return sdk::Error(sdk::codes::kBadRequest, message); }

}  // namespace

Activity requireActivity(ActivityStore& activities, std::int64_t id) {
  auto activity = activities.find(id);
  if (!activity) throw sdk::Error(sdk::codes::kNoData, "CP活动 " + std::to_string(id) + " 不存在");
  return *activity;
}

void requireOpen(const Activity& activity, std::int64_t nowMs) {
  if (!activity.onSale) throw refused(activity.named() + "已下架");
  if (activity.ended(nowMs)) throw refused(activity.named() + "已结束");
  if (activity.started(nowMs)) throw refused(activity.named() + "已开始,报名已截止");
}

void requirePlaceFor(const Activity& activity, int gender) {
  if (activity.placesLeftFor(gender) > 0) return;
  if (activity.perGender) throw refused(activity.named() + genderName(gender) + "生名额已满");
  throw refused(activity.named() + "名额已满");
}

Signup requirePendingSignup(SignupStore& signups, std::int64_t userId, const Activity& activity) {
  auto signup = signups.findFor(userId, activity.id);
  if (!signup) throw refused("您尚未报名" + activity.named() + ",请先报名并填写性别");
  if (signup->status == kAdmitted) throw refused("您已入场" + activity.named() + ",不能重复支付");
  return *signup;
}

}  // namespace paynext::plugins::cpmatch
