#include "item.h"

namespace paynext::plugins::knowledge {

namespace {

Poco::JSON::Object::Ptr common(const Item& item) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", item.id);
  json->set("title", item.title);
  json->set("summary", item.summary);
  json->set("price", sdk::yuanNumber(item.price));
  json->set("onSale", item.onSale);
  return json;
}

}  // namespace

Poco::JSON::Object::Ptr toUserJson(const Item& item, bool bought) {
  auto json = common(item);
  json->set("bought", bought);
  if (bought) json->set("content", item.content);
  return json;
}

Poco::JSON::Object::Ptr toAdminJson(const Item& item) {
  auto json = common(item);
  json->set("content", item.content);
  json->set("createdAt", item.createdAt);
  json->set("updatedAt", item.updatedAt);
  return json;
}

}  // namespace paynext::plugins::knowledge
