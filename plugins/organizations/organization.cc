#include "organization.h"

#include "paynext/sdk/china_time.h"

namespace paynext::plugins::organizations {

namespace {
Poco::JSON::Object::Ptr ordered() { return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER); }
}  // namespace

Poco::JSON::Object::Ptr toJson(const PriceItem& item) {
  auto json = ordered();
  json->set("id", item.id);
  json->set("name", item.name);
  json->set("memberCap", item.memberCap);
  json->set("days", item.days);
  json->set("price", sdk::yuanNumber(item.price));
  json->set("onSale", item.onSale);
  json->set("createdAt", item.createdAt);
  json->set("updatedAt", item.updatedAt);
  return json;
}

Poco::JSON::Object::Ptr toJson(const Organization& org, std::int64_t nowMs) {
  auto json = ordered();
  json->set("id", org.id);
  json->set("ownerId", org.ownerId);
  json->set("name", org.name);
  json->set("remark", org.remark);
  json->set("priceId", org.priceId);
  json->set("memberCap", org.memberCap);
  json->set("memberCount", org.memberCount);
  json->set("expiresAt", org.expiresAt);
  json->set("dateEnd", sdk::formatChinaTime(org.expiresAt));
  json->set("expired", org.expiresAt <= nowMs);
  json->set("amount", sdk::yuanNumber(org.amount));
  json->set("createdAt", org.createdAt);
  return json;
}

Poco::JSON::Object::Ptr toJson(const Upgrade& upgrade) {
  auto json = ordered();
  json->set("id", upgrade.id);
  json->set("organizeId", upgrade.organizationId);
  json->set("userId", upgrade.userId);
  json->set("fromPriceId", upgrade.fromPriceId);
  json->set("priceId", upgrade.toPriceId);
  json->set("memberCap", upgrade.memberCap);
  json->set("amount", sdk::yuanNumber(upgrade.amount));
  json->set("expiresAt", upgrade.expiresAt);
  json->set("createdAt", upgrade.createdAt);
  return json;
}

}  // namespace paynext::plugins::organizations
