#include "project.h"

#include "paynext/sdk/china_time.h"

namespace paynext::plugins::enroll {

std::optional<std::string> Project::closedReason(std::int64_t nowMs) const {
  if (!enabled) return named() + "已停止报名";
  if (deadline != 0 && nowMs > deadline) return named() + "已于 " + sdk::formatChinaTime(deadline) + " 截止报名";
  if (paid >= capacity) return named() + "名额已满";
  return std::nullopt;
}

Poco::JSON::Object::Ptr toJson(const Project& project) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", project.id);
  json->set("title", project.title);
  json->set("description", project.description);
  json->set("fee", sdk::yuanNumber(project.fee));
  json->set("capacity", project.capacity);
  json->set("paid", project.paid);
  json->set("remaining", project.paid < project.capacity ? project.capacity - project.paid : 0);
  json->set("deadline", sdk::formatChinaTime(project.deadline));
  json->set("fields", fieldsJson(project.fields));
  json->set("enabled", project.enabled);
  json->set("createdAt", sdk::formatChinaTime(project.createdAt));
  return json;
}

}  // namespace paynext::plugins::enroll
