#include "signup.h"

#include "paynext/sdk/china_time.h"

#include "person.h"

namespace paynext::plugins::cpmatch {

std::string pairMessage(const Signup& s) {
  if (s.status != kAdmitted) return "尚未支付入场费,支付后即可入场";
  if (s.pairStatus == kPaired) return "配对成功";
  if (s.pairStatus == kUnpaired) return "很遗憾,本次活动人数为单或男女人数不等,未能为您匹配到CP";
  return "已入场,活动结束后为您配对";
}

Poco::JSON::Object::Ptr toJson(sdk::Scope& scope, const Signup& s, const Activity* activity) {
  const std::int64_t nowMs = scope.clock.nowMs();
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", s.id);
  json->set("cpactivityId", s.activityId);
  if (activity) {
    json->set("title", activity->title);
    json->set("fee", sdk::yuanNumber(activity->fee));
    json->set("dateStart", sdk::formatChinaTime(activity->dateStart));
    json->set("dateEnd", sdk::formatChinaTime(activity->dateEnd));
    json->set("state", stateOf(*activity, nowMs));
  }
  json->set("userId", s.userId);
  json->set("gender", s.gender);
  json->set("status", s.status);
  json->set("amount", sdk::yuanNumber(s.amount));
  json->set("createdAt", s.createdAt);
  json->set("admittedAt", s.admittedAt);
  json->set("pairStatus", s.pairStatus.empty() ? "WAITING" : s.pairStatus);
  json->set("message", pairMessage(s));
  if (s.pairStatus == kPaired) json->set("match", personJson(scope, s.matchUserId));
  return json;
}

}  // namespace paynext::plugins::cpmatch
