#include "box.h"

namespace paynext::plugins::blindbox {

Poco::JSON::Object::Ptr toDrawnJson(const Box& box) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("boxId", box.id);
  json->set("gender", box.gender);
  json->set("intro", box.intro);
  json->set("contact", box.contact);
  return json;
}

Poco::JSON::Object::Ptr toJson(const Box& box) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", box.id);
  json->set("userId", box.userId);
  json->set("gender", box.gender);
  json->set("intro", box.intro);
  json->set("contact", box.contact);
  json->set("status", box.status);
  json->set("amount", sdk::yuanNumber(box.amount));
  json->set("createdAt", box.createdAt);
  json->set("publishedAt", box.publishedAt);
  return json;
}

}  // namespace paynext::plugins::blindbox
