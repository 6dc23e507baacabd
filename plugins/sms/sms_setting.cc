#include "sms_setting.h"

namespace paynext::plugins::sms {

std::string kindTitle(const std::string& kind) { return kind == kVerify ? "验证码" : "普通短信"; }

Poco::JSON::Object::Ptr toJson(const SmsSetting& setting) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", setting.id);
  json->set("kind", setting.kind);
  json->set("kindTitle", kindTitle(setting.kind));
  json->set("providerUrl", setting.providerUrl);
  json->set("signName", setting.signName);
  json->set("templateCode", setting.templateCode);
  json->set("createdAt", setting.createdAt);
  return json;
}

}  // namespace paynext::plugins::sms
