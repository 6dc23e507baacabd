#include "card_holder.h"

#include <algorithm>

#include "paynext/sdk/params.h"


namespace paynext::plugins::campus {

namespace p = sdk::params;

namespace {
constexpr std::size_t kMaxNameBytes = 50;
constexpr std::size_t kMaxUrlBytes = 1000;
constexpr std::size_t kMaxNumberBytes = 50;
constexpr std::size_t kMaxMobileBytes = 20;
}  // namespace

Poco::JSON::Object::Ptr toJson(const CardHolder& h) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("userId", h.userId);
  json->set("empName", h.empName);
  json->set("photo", h.photo);
  json->set("cardNo", h.cardNo);
  json->set("imei", h.imei);
  json->set("sim", h.sim);
  json->set("gradeName", h.gradeName);
  json->set("className", h.className);
  json->set("mobile", h.mobile);
  return json;
}

CardHolder cardHolderFromJson(const Poco::JSON::Object& json) {
  CardHolder h;
  h.userId = p::requirePositiveInt(json, "userId");
  h.empName = p::requireText(json, "empName", kMaxNameBytes);
  h.photo = p::optionalText(json, "photo", kMaxUrlBytes);
  h.cardNo = p::optionalText(json, "cardNo", kMaxNumberBytes);
  h.imei = p::optionalText(json, "imei", kMaxNumberBytes);
  h.sim = p::optionalText(json, "sim", kMaxNumberBytes);
  h.gradeName = p::optionalText(json, "gradeName", kMaxNameBytes);
  h.className = p::optionalText(json, "className", kMaxNameBytes);
  h.mobile = p::optionalText(json, "mobile", kMaxMobileBytes);
  if (!std::all_of(h.mobile.begin(), h.mobile.end(), [](char c) { return (c >= '0' && c <= '9') || c == '+'; })) {
    throw p::invalid("mobile", "手机号码");
  }
  return h;
}

}  // namespace paynext::plugins::campus
