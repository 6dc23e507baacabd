#include "jd_settings.h"

#include "paynext/sdk/china_time.h"

namespace paynext::plugins::jdjingli {

std::string maskedSecret(const std::string& secret) {
  if (secret.empty()) return "";
  // Secrets are at least 16 bytes: four of them say which one it is.
  return secret.substr(0, 4) + "********";
}

Poco::JSON::Object::Ptr toJson(const JdSettings& settings) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("secretSet", !settings.secret.empty());
  json->set("secret", maskedSecret(settings.secret));
  json->set("ttlMinutes", settings.ttlMinutes);
  json->set("updatedAt", sdk::formatChinaTime(settings.updatedAt));
  return json;
}

}  // namespace paynext::plugins::jdjingli
