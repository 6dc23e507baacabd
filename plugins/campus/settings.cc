#include "settings.h"

#include "paynext/sdk/params.h"

#include "fields.h"

namespace paynext::plugins::campus {

namespace p = sdk::params;

namespace {
constexpr std::size_t kMaxNameBytes = 100;
constexpr std::size_t kMaxTextBytes = 2000;
constexpr std::size_t kMaxUrlBytes = 1000;
constexpr std::size_t kMaxAccountBytes = 100;
}  // namespace

Poco::JSON::Object::Ptr toJson(const Settings& s) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("projectName", s.projectName);
  json->set("projectDescription", s.projectDescription);
  json->set("selectType", s.selectType);
  json->set("qrCode", s.qrCode);
  json->set("protocolUrl", s.protocolUrl);
  json->set("wxAccount", s.wxAccount);
  json->set("alipayAccount", s.alipayAccount);
  json->set("unionPayAccount", s.unionPayAccount);
  return json;
}

Settings settingsFromJson(const Poco::JSON::Object& json) {
  Settings s;
  s.projectName = p::requireText(json, "projectName", kMaxNameBytes);
  s.projectDescription = p::optionalText(json, "projectDescription", kMaxTextBytes);
  s.selectType = fields::requireChoice(json, "selectType", {kSingleChoice, kMultipleChoice}, "0(单选)或 1(多选)");
  s.qrCode = p::optionalText(json, "qrCode", kMaxUrlBytes);
  s.protocolUrl = p::optionalText(json, "protocolUrl", kMaxUrlBytes);
  s.wxAccount = p::optionalText(json, "wxAccount", kMaxAccountBytes);
  s.alipayAccount = p::optionalText(json, "alipayAccount", kMaxAccountBytes);
  s.unionPayAccount = p::optionalText(json, "unionPayAccount", kMaxAccountBytes);
  return s;
}

}  // namespace paynext::plugins::campus
