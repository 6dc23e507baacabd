#include "task.h"

#include "paynext/sdk/china_time.h"

namespace paynext::plugins::errands {

bool isStatus(const std::string& s) {
  return s == kUnpaid || s == kPublished || s == kTaken || s == kDelivered || s == kCompleted || s == kExpired ||
         s == kCancelled;
}

std::string statusLabel(const std::string& s) {
  if (s == kUnpaid) return "待支付";
  if (s == kPublished) return "待接单";
  if (s == kTaken) return "已接单";
  if (s == kDelivered) return "已送达";
  if (s == kCompleted) return "已完成";
  if (s == kExpired) return "已过期";
  return "已取消";
}

Poco::JSON::Object::Ptr toJson(const Task& task) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", task.id);
  json->set("posterId", task.posterId);
  json->set("runnerId", task.runnerId);
  json->set("from", task.from);
  json->set("to", task.to);
  json->set("what", task.what);
  json->set("fee", sdk::yuanNumber(task.fee));
  json->set("deadline", sdk::formatChinaTime(task.deadlineAt));
  json->set("deadlineAt", task.deadlineAt);
  json->set("status", task.status);
  json->set("statusText", statusLabel(task.status));
  json->set("createdAt", task.createdAt);
  json->set("paidAt", task.paidAt);
  json->set("takenAt", task.takenAt);
  json->set("deliveredAt", task.deliveredAt);
  json->set("closedAt", task.closedAt);
  json->set("commission", sdk::yuanNumber(task.commission));
  json->set("payout", sdk::yuanNumber(task.payout));
  return json;
}

}  // namespace paynext::plugins::errands
