#include "order.h"

#include <Poco/JSON/Array.h>

namespace paynext::plugins::orders {

Poco::JSON::Object::Ptr toJson(const Order& order) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", order.id);
  json->set("orderNumber", order.orderNumber);
  json->set("title", order.title);
  json->set("amount", sdk::yuanNumber(order.amount));
  json->set("status", order.status);
  json->set("createdAt", order.createdAt);
  json->set("paidAt", order.paidAt ? Poco::Dynamic::Var(order.paidAt) : Poco::Dynamic::Var());
  if (order.addressId) {
    json->set("addressId", order.addressId);
    json->set("freightMode", order.freightMode);
    json->set("freightKey", order.freightKey);
  }
  if (!order.lines.empty()) {
    Poco::JSON::Array::Ptr goods = new Poco::JSON::Array;
    for (const auto& line : order.lines) goods->add(toJson(line));
    json->set("goods", goods);
  }
  return json;
}

}  // namespace paynext::plugins::orders
