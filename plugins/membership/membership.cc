#include "membership.h"

#include "paynext/sdk/china_time.h"

namespace paynext::plugins::membership {

namespace {

Poco::JSON::Object::Ptr object() { return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER); }

}  // namespace

Poco::JSON::Object::Ptr toJson(const Level& level) {
  auto json = object();
  json->set("id", level.id);
  json->set("name", level.name);
  json->set("description", level.description);
  json->set("createdAt", level.createdAt);
  return json;
}

Poco::JSON::Object::Ptr toJson(const PriceItem& item) {
  auto json = object();
  json->set("id", item.id);
  json->set("levelId", item.levelId);
  json->set("days", item.days);
  json->set("price", sdk::yuanNumber(item.price));
  json->set("autoRenew", item.autoRenew);
  json->set("enabled", item.enabled);
  json->set("createdAt", item.createdAt);
  return json;
}

Poco::JSON::Object::Ptr toJson(const Member& member, const std::string& levelName, std::int64_t nowMs) {
  auto json = object();
  json->set("userId", member.userId);
  json->set("levelId", member.levelId);
  json->set("levelName", levelName);
  json->set("userLevelPriceId", member.priceId);
  json->set("expiresAt", member.expiresAt);
  json->set("dateEnd", sdk::formatChinaTime(member.expiresAt));
  json->set("active", member.expiresAt > nowMs);
  json->set("isAutoRenew", member.autoRenew);
  json->set("updatedAt", member.updatedAt);
  return json;
}

Poco::JSON::Object::Ptr toJson(const Purchase& purchase) {
  auto json = object();
  json->set("id", purchase.id);
  json->set("userId", purchase.userId);
  json->set("levelId", purchase.levelId);
  json->set("userLevelPriceId", purchase.priceId);
  json->set("days", purchase.days);
  json->set("amount", sdk::yuanNumber(purchase.amount));
  json->set("isAutoRenew", purchase.autoRenew);
  json->set("remark", purchase.remark);
  json->set("expiresAt", purchase.expiresAt);
  json->set("reference", purchase.reference);
  json->set("createdAt", purchase.createdAt);
  return json;
}

Poco::JSON::Object::Ptr toJson(const Renewal& renewal) {
  auto json = object();
  json->set("id", renewal.id);
  json->set("userId", renewal.userId);
  json->set("levelId", renewal.levelId);
  json->set("userLevelPriceId", renewal.priceId);
  json->set("amount", sdk::yuanNumber(renewal.amount));
  json->set("status", renewal.status);
  json->set("reason", renewal.reason);
  json->set("expiresAt", renewal.expiresAt);
  json->set("createdAt", renewal.createdAt);
  return json;
}

}  // namespace paynext::plugins::membership
