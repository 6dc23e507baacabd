#include "add_bell.h"

namespace paynext::plugins::addbell {

Poco::JSON::Object::Ptr toJson(const AddBell& record) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", record.id);
  json->set("orderId", record.orderId);
  json->set("units", record.units);
  json->set("minutes", record.minutes);
  json->set("amount", sdk::yuanNumber(record.amount));
  json->set("status", record.status);
  json->set("createdAt", record.createdAt);
  json->set("paidAt", record.paidAt);
  return json;
}

Poco::JSON::Object::Ptr toAdminJson(const AddBell& record) {
  auto json = toJson(record);
  json->set("userId", record.userId);
  json->set("paidReference", record.paidReference);
  json->set("expiredAt", record.expiredAt);
  return json;
}

}  // namespace paynext::plugins::addbell
