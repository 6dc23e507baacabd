#include "order.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/params.h"

namespace paynext::plugins::catering {

sdk::Fen Order::total() const {
  // Quantities and line counts are capped, prices below 10^17 fen: no overflow.
  sdk::Fen sum = 0;
  for (const auto& line : lines) sum += line.price * line.quantity;
  return sum;
}

std::string statusFilter(const Poco::JSON::Object& params) {
  std::string status = sdk::params::optionalString(params, "status").value_or("");
  if (!status.empty() && status != kOpen && status != kPaid) throw sdk::params::invalid("status", "OPEN 或 PAID");
  return status;
}

Poco::JSON::Object::Ptr toUserJson(const Order& order) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", order.id);
  json->set("tableId", order.tableId);
  json->set("tableName", order.tableName);
  json->set("status", order.status);
  json->set("total", sdk::yuanNumber(order.total()));
  json->set("discount", sdk::yuanNumber(order.discount));
  json->set("paid", sdk::yuanNumber(order.paid));
  json->set("couponIds", order.couponIds);
  json->set("createdAt", order.createdAt);
  json->set("paidAt", order.paidAt);
  Poco::JSON::Array::Ptr lines = new Poco::JSON::Array;
  for (const auto& line : order.lines) {
    Poco::JSON::Object::Ptr l = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    l->set("dishId", line.dishId);
    l->set("name", line.name);
    l->set("price", sdk::yuanNumber(line.price));
    l->set("quantity", line.quantity);
    lines->add(l);
  }
  json->set("lines", lines);
  return json;
}

Poco::JSON::Object::Ptr toAdminJson(const Order& order) {
  auto json = toUserJson(order);
  json->set("userId", order.userId);
  json->set("paidReference", order.paidReference);
  return json;
}

}  // namespace paynext::plugins::catering
