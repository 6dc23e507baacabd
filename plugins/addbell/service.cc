#include "service.h"

namespace paynext::plugins::addbell {

Poco::JSON::Object::Ptr toJson(const Service& service) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", service.id);
  json->set("name", service.name);
  json->set("baseMinutes", service.baseMinutes);
  json->set("basePrice", sdk::yuanNumber(service.basePrice));
  json->set("unitMinutes", service.unitMinutes);
  json->set("unitPrice", sdk::yuanNumber(service.unitPrice));
  json->set("addEnabled", service.addEnabled);
  json->set("maxUnits", service.maxUnits);
  json->set("createdAt", service.createdAt);
  json->set("updatedAt", service.updatedAt);
  return json;
}

}  // namespace paynext::plugins::addbell
