#include "unlock.h"

namespace paynext::plugins::episodes {

Poco::JSON::Object::Ptr toJson(const Unlock& unlock) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", unlock.id);
  json->set("goodsId", unlock.goodsId);
  json->set("name", unlock.name);
  json->set("number", unlock.number);
  json->set("amount", sdk::yuanNumber(unlock.amount));
  json->set("createdAt", unlock.createdAt);
  return json;
}

Poco::JSON::Object::Ptr toAdminJson(const Unlock& unlock) {
  auto json = toJson(unlock);
  json->set("userId", unlock.userId);
  json->set("reference", unlock.reference);
  return json;
}

}  // namespace paynext::plugins::episodes
