#include "person.h"

#include "paynext/sdk/users.h"

namespace paynext::plugins::cpmatch {

Poco::JSON::Object::Ptr personJson(sdk::Scope& scope, std::int64_t userId) {
  const auto user = scope.users.find(userId);
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("userId", userId);
  json->set("nickname", user ? user->nickname : "");
  json->set("mobile", user ? user->maskedMobile : "");
  return json;
}

}  // namespace paynext::plugins::cpmatch
