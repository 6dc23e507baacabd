#include "shop.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/china_time.h"

namespace paynext::plugins::shopbill {

Poco::JSON::Object::Ptr toUserJson(const Shop& shop, std::int64_t nowMs) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", shop.id);
  json->set("name", shop.name);
  json->set("percentOff", shop.rule.percentOff);
  Poco::JSON::Array::Ptr tiers = new Poco::JSON::Array;
  for (const auto& t : shop.rule.tiers) {
    Poco::JSON::Object::Ptr tier = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    tier->set("threshold", sdk::yuanNumber(t.threshold));
    tier->set("off", sdk::yuanNumber(t.off));
    tiers->add(tier);
  }
  json->set("tiers", tiers);
  json->set("dateStart", sdk::formatChinaTime(shop.rule.dateStart));
  json->set("dateEnd", sdk::formatChinaTime(shop.rule.dateEnd));
  json->set("discountActive", !shop.rule.empty() && shop.rule.activeAt(nowMs));
  return json;
}

Poco::JSON::Object::Ptr toAdminJson(const Shop& shop, std::int64_t nowMs) {
  auto json = toUserJson(shop, nowMs);
  json->set("enabled", shop.enabled);
  json->set("createdAt", shop.createdAt);
  json->set("updatedAt", shop.updatedAt);
  return json;
}

}  // namespace paynext::plugins::shopbill
