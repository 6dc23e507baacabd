#include "dish.h"

namespace paynext::plugins::catering {

Poco::JSON::Object::Ptr toUserJson(const Dish& dish) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", dish.id);
  json->set("name", dish.name);
  json->set("price", sdk::yuanNumber(dish.price));
  json->set("onSale", dish.onSale);
  return json;
}

Poco::JSON::Object::Ptr toAdminJson(const Dish& dish) {
  auto json = toUserJson(dish);
  json->set("createdAt", dish.createdAt);
  json->set("updatedAt", dish.updatedAt);
  return json;
}

}  // namespace paynext::plugins::catering
