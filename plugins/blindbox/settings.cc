#include "settings.h"

#include "paynext/sdk/params.h"

namespace paynext::plugins::blindbox {

namespace p = sdk::params;

namespace {

sdk::Fen price(const Poco::JSON::Object& json, const std::string& name) {
  const sdk::Fen fen = p::requireMoney(json, name);
  // A free box or draw would debit nothing and make the step pointless.
  if (fen <= 0 || fen > kPriceCeiling) throw p::invalid(name, "0.01 到 100000 元之间的金额");
  return fen;
}

}  // namespace

Poco::JSON::Object::Ptr toJson(const Settings& s) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("boxPrice", sdk::yuanNumber(s.boxPrice));
  json->set("pullPrice", sdk::yuanNumber(s.pullPrice));
  json->set("maxPullTimes", s.maxPullTimes);
  json->set("expireMinutes", s.expireMinutes);
  return json;
}

Settings settingsFromJson(const Poco::JSON::Object& json) {
  Settings s;
  s.boxPrice = price(json, "boxPrice");
  s.pullPrice = price(json, "pullPrice");
  s.maxPullTimes = p::requirePositiveInt(json, "maxPullTimes");
  if (s.maxPullTimes > kPullTimesCeiling) throw p::invalid("maxPullTimes", "1 到 10000 之间的整数");
  s.expireMinutes = p::requirePositiveInt(json, "expireMinutes");
  if (s.expireMinutes > 10080) throw p::invalid("expireMinutes", "1 到 10080 之间的整数");
  return s;
}

}  // namespace paynext::plugins::blindbox
