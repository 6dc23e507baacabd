#include "application.h"

#include "paynext/sdk/china_time.h"

namespace paynext::plugins::enroll {

Poco::JSON::Object::Ptr toJson(const Application& a, const std::string& projectTitle, sdk::Fen fee) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", a.id);
  json->set("projectId", a.projectId);
  json->set("projectTitle", projectTitle);
  json->set("answers", answersJson(a.answers));
  json->set("status", a.status);
  json->set("fee", sdk::yuanNumber(a.status == kPaid ? a.amount : fee));
  json->set("createdAt", sdk::formatChinaTime(a.createdAt));
  json->set("paidAt", sdk::formatChinaTime(a.paidAt));
  json->set("cancelledAt", sdk::formatChinaTime(a.cancelledAt));
  return json;
}

Poco::JSON::Object::Ptr toAdminJson(const Application& a, const std::string& projectTitle, sdk::Fen fee,
                                    const std::optional<sdk::UserInfo>& user) {
  auto json = toJson(a, projectTitle, fee);
  json->set("userId", a.userId);
  json->set("nickname", user ? user->nickname : "");
  json->set("mobile", user ? user->maskedMobile : "");
  json->set("reference", a.reference);
  return json;
}

}  // namespace paynext::plugins::enroll
