#include "settings.h"

#include "paynext/sdk/params.h"

namespace paynext::plugins::imagetrade {

namespace p = sdk::params;

std::string Settings::boundsText() const {
  return "价格应在 " + sdk::formatYuan(minPrice) + " 到 " + sdk::formatYuan(maxPrice) + " 元之间";
}

Poco::JSON::Object::Ptr toJson(const Settings& s) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("minPrice", sdk::yuanNumber(s.minPrice));
  json->set("maxPrice", sdk::yuanNumber(s.maxPrice));
  json->set("commissionPercent", s.commissionPercent);
  return json;
}

Settings settingsFromJson(const Poco::JSON::Object& json) {
  Settings s;
  s.minPrice = p::requireMoney(json, "minPrice");
  // A free image would credit nobody and debit nothing: prices start at 0.01.
  if (s.minPrice <= 0) throw p::invalid("minPrice", "大于 0 的金额");
  s.maxPrice = p::requireMoney(json, "maxPrice");
  if (s.maxPrice < s.minPrice || s.maxPrice > kPriceCeiling) {
    throw p::invalid("maxPrice", "不小于 minPrice、不超过 100000000 元的金额");
  }
  const std::int64_t percent = p::requireInt(json, "commissionPercent");
  if (percent < 0 || percent > 100) throw p::invalid("commissionPercent", "0 到 100 之间的整数");
  s.commissionPercent = static_cast<int>(percent);
  return s;
}

}  // namespace paynext::plugins::imagetrade
