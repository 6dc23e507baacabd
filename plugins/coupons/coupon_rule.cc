#include "coupon_rule.h"

#include "paynext/sdk/china_time.h"

namespace paynext::plugins::coupons {

namespace {

Poco::Dynamic::Var money(sdk::Fen fen, bool yuan) {
  if (yuan) return sdk::yuanNumber(fen);
  return fen;
}

void putValidity(Poco::JSON::Object& json, const CouponRule& rule) {
  json.set("dateStart", sdk::formatChinaTime(rule.dateStart));
  json.set("dateEnd", sdk::formatChinaTime(rule.dateEnd));
  json.set("validDays", rule.validDays);
}

}  // namespace

void putTerms(Poco::JSON::Object& json, const CouponTerms& terms, bool yuan) {
  json.set("name", terms.name);
  json.set("kind", terms.kind);
  if (terms.kind == kReduce) json.set("money", money(terms.money, yuan));
  else json.set("rate", terms.rate);
  json.set("minAmount", money(terms.minAmount, yuan));
}

Poco::JSON::Object::Ptr toAdminJson(const CouponRule& rule) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", rule.id);
  putTerms(*json, rule.terms, false);
  putValidity(*json, rule);
  json->set("stock", rule.stock);
  json->set("issued", rule.issued);
  json->set("perUser", rule.perUser);
  json->set("pwd", rule.pwd);
  json->set("price", rule.price);
  json->set("enabled", rule.enabled);
  json->set("createdAt", rule.createdAt);
  return json;
}

Poco::JSON::Object::Ptr toPublicJson(const CouponRule& rule) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", rule.id);
  putTerms(*json, rule.terms, true);
  putValidity(*json, rule);
  json->set("left", rule.left());
  json->set("perUser", rule.perUser);
  json->set("needPwd", !rule.pwd.empty());
  json->set("price", sdk::yuanNumber(rule.price));
  return json;
}

}  // namespace paynext::plugins::coupons
