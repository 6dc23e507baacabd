#include "bill.h"

#include "paynext/sdk/china_time.h"

namespace paynext::plugins::shopbill {

Poco::JSON::Object::Ptr toUserJson(const Bill& bill) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", bill.id);
  json->set("shopId", bill.shopId);
  json->set("shopName", bill.shopName);
  json->set("money", sdk::yuanNumber(bill.bill));
  json->set("discount", sdk::yuanNumber(bill.discount));
  json->set("paid", sdk::yuanNumber(bill.paid));
  json->set("dateAdd", sdk::formatChinaTime(bill.createdAt));
  return json;
}

Poco::JSON::Object::Ptr toAdminJson(const Bill& bill) {
  auto json = toUserJson(bill);
  json->set("userId", bill.userId);
  json->set("day", bill.day);
  json->set("createdAt", bill.createdAt);
  json->set("stepKey", bill.stepKey);
  return json;
}

Poco::JSON::Object::Ptr toJson(const Totals& totals) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("shopId", totals.shopId);
  json->set("shopName", totals.shopName);
  if (!totals.day.empty()) json->set("day", totals.day);
  json->set("count", totals.count);
  json->set("money", sdk::yuanNumber(totals.bill));
  json->set("discount", sdk::yuanNumber(totals.discount));
  json->set("paid", sdk::yuanNumber(totals.paid));
  return json;
}

}  // namespace paynext::plugins::shopbill
