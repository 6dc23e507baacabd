#include "order.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/params.h"

namespace paynext::plugins::orders {

std::string statusFilter(const Poco::JSON::Object& params) {
  const std::string status = sdk::params::optionalString(params, "status").value_or("");
  if (!status.empty() && status != kUnpaid && status != kPaid && status != kClosed && status != kCancelled) {
    throw sdk::params::invalid("status", "UNPAID、PAID、CLOSED 或 CANCELLED");
  }
  return status;
}

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
  if (order.status == kCancelled) {
    json->set("cancelReason", order.cancelReason);
    json->set("cancelledAt", order.cancelledAt);
  }
  if (!order.lines.empty()) {
    Poco::JSON::Array::Ptr goods = new Poco::JSON::Array;
    for (const auto& line : order.lines) goods->add(toJson(line));
    json->set("goods", goods);
  }
  return json;
}

}  // namespace paynext::plugins::orders
