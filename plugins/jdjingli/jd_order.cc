#include "jd_order.h"

#include <Poco/JSON/Parser.h>

#include "paynext/sdk/china_time.h"

namespace paynext::plugins::jdjingli {

Poco::JSON::Object::Ptr toJson(const JdOrder& order, std::int64_t nowMs) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("orderNo", order.orderNo);
  json->set("amount", sdk::yuanNumber(order.amount));
  // Stored as JD sent it, after push checked it is an array of objects.
  json->set("items", Poco::JSON::Parser().parse(order.items));
  json->set("status", order.statusAt(nowMs));
  json->set("createdAt", sdk::formatChinaTime(order.createdAt));
  json->set("expiresAt", sdk::formatChinaTime(order.expiresAt));
  if (order.status == kPaid) {
    json->set("couponId", order.couponId);
    json->set("discount", sdk::yuanNumber(order.discount));
    json->set("paid", sdk::yuanNumber(order.paid));
    json->set("paidAt", sdk::formatChinaTime(order.paidAt));
  }
  return json;
}

Poco::JSON::Object::Ptr toAdminJson(const JdOrder& order, std::int64_t nowMs) {
  Poco::JSON::Object::Ptr json = toJson(order, nowMs);
  json->set("id", order.id);
  json->set("token", order.token);
  json->set("payResultUrl", order.payResultUrl);
  json->set("userId", order.userId);
  json->set("couponId", order.couponId);
  json->set("discount", sdk::yuanNumber(order.discount));
  json->set("paid", sdk::yuanNumber(order.paid));
  json->set("paidAt", sdk::formatChinaTime(order.paidAt));
  json->set("paidReference", order.paidReference);
  return json;
}

}  // namespace paynext::plugins::jdjingli
