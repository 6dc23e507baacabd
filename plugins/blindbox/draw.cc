#include "draw.h"

namespace paynext::plugins::blindbox {

Poco::JSON::Object::Ptr toJson(const Draw& draw) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", draw.id);
  json->set("userId", draw.userId);
  json->set("boxId", draw.boxId);
  json->set("createdAt", draw.createdAt);
  return json;
}

}  // namespace paynext::plugins::blindbox
