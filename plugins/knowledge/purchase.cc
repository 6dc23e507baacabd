#include "purchase.h"

namespace paynext::plugins::knowledge {

Poco::JSON::Object::Ptr toJson(const Purchase& purchase, sdk::Fen price) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", purchase.id);
  json->set("itemId", purchase.itemId);
  json->set("title", purchase.title);
  json->set("price", sdk::yuanNumber(price));
  json->set("status", purchase.status);
  json->set("createdAt", purchase.createdAt);
  json->set("paidAt", purchase.paidAt);
  return json;
}

Poco::JSON::Object::Ptr toAdminJson(const Purchase& purchase) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", purchase.id);
  json->set("userId", purchase.userId);
  json->set("itemId", purchase.itemId);
  json->set("title", purchase.title);
  json->set("status", purchase.status);
  json->set("amount", sdk::yuanNumber(purchase.amount));
  json->set("createdAt", purchase.createdAt);
  json->set("paidAt", purchase.paidAt);
  json->set("paidReference", purchase.paidReference);
  return json;
}

}  // namespace paynext::plugins::knowledge
