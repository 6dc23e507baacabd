#include "settings.h"

namespace paynext::plugins::errands {

Poco::JSON::Object::Ptr toJson(const Settings& settings) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("minFee", sdk::yuanNumber(settings.minFee));
  json->set("commissionPercent", settings.commissionPercent);
  json->set("autoConfirmHours", settings.autoConfirmHours);
  json->set("unpaidExpiryMinutes", settings.unpaidExpiryMinutes);
  return json;
}

}  // namespace paynext::plugins::errands
