#include "card.h"

namespace paynext::plugins::membercard {

Poco::JSON::Object::Ptr toUserJson(const Card& card) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", card.id);
  json->set("name", card.name);
  json->set("price", sdk::yuanNumber(card.price));
  json->set("days", card.days);
  json->set("benefits", card.benefits);
  return json;
}

Poco::JSON::Object::Ptr toAdminJson(const Card& card) {
  auto json = toUserJson(card);
  json->set("onSale", card.onSale);
  json->set("createdAt", card.createdAt);
  json->set("updatedAt", card.updatedAt);
  return json;
}

}  // namespace paynext::plugins::membercard
