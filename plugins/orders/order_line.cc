#include "order_line.h"

namespace paynext::plugins::orders {

Poco::JSON::Object::Ptr toJson(const OrderLine& line) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("goodsId", line.goodsId);
  json->set("name", line.name);
  json->set("price", sdk::yuanNumber(line.price));
  json->set("number", line.number);
  json->set("amount", sdk::yuanNumber(line.amount));
  return json;
}

}  // namespace paynext::plugins::orders
