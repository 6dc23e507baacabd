#include "dining_table.h"

namespace paynext::plugins::catering {

Poco::JSON::Object::Ptr toUserJson(const DiningTable& table) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", table.id);
  json->set("name", table.name);
  return json;
}

Poco::JSON::Object::Ptr toAdminJson(const DiningTable& table) {
  auto json = toUserJson(table);
  json->set("code", table.code);
  json->set("createdAt", table.createdAt);
  return json;
}

}  // namespace paynext::plugins::catering
