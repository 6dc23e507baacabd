#include "activity.h"

#include <algorithm>

#include "paynext/sdk/china_time.h"

namespace paynext::plugins::cpmatch {

std::int64_t Activity::placesLeft() const {
  if (perGender) return placesLeftFor(kMale) + placesLeftFor(kFemale);
  return std::max<std::int64_t>(0, capacity - admitted());
}

std::int64_t Activity::placesLeftFor(int gender) const {
  if (!perGender) return placesLeft();
  return std::max<std::int64_t>(0, capacity / 2 - admittedOf(gender));
}

std::string genderName(int gender) { return gender == kMale ? "男" : "女"; }

std::string stateOf(const Activity& a, std::int64_t nowMs) {
  if (a.pairedAt != 0) return "PAIRED";
  if (a.ended(nowMs)) return "ENDED";
  if (a.started(nowMs)) return "STARTED";
  return "OPEN";
}

Poco::JSON::Object::Ptr toJson(const Activity& a, std::int64_t nowMs) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", a.id);
  json->set("title", a.title);
  json->set("fee", sdk::yuanNumber(a.fee));
  json->set("capacity", a.capacity);
  json->set("perGender", a.perGender);
  json->set("admitted", a.admitted());
  json->set("admittedMale", a.admittedMale);
  json->set("admittedFemale", a.admittedFemale);
  json->set("placesLeft", a.placesLeft());
  if (a.perGender) {
    json->set("maleCapacity", a.capacity / 2);
    json->set("femaleCapacity", a.capacity / 2);
    json->set("malePlacesLeft", a.placesLeftFor(kMale));
    json->set("femalePlacesLeft", a.placesLeftFor(kFemale));
  }
  json->set("dateStart", sdk::formatChinaTime(a.dateStart));
  json->set("dateEnd", sdk::formatChinaTime(a.dateEnd));
  json->set("state", stateOf(a, nowMs));
  json->set("onSale", a.onSale);
  json->set("pairedAt", sdk::formatChinaTime(a.pairedAt));
  json->set("createdAt", a.createdAt);
  json->set("updatedAt", a.updatedAt);
  return json;
}

}  // namespace paynext::plugins::cpmatch
