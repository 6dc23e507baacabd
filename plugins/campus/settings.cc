#include "settings.h"

#include "fields.h"

namespace paynext::plugins::campus {

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
  s.projectName = fields::requireBounded(json, "projectName", kMaxNameBytes);
  s.projectDescription = fields::optionalBounded(json, "projectDescription", kMaxTextBytes);
  s.selectType = fields::requireChoice(json, "selectType", {kSingleChoice, kMultipleChoice}, "0(单选)或 1(多选)");
  s.qrCode = fields::optionalBounded(json, "qrCode", kMaxUrlBytes);
  s.protocolUrl = fields::optionalBounded(json, "protocolUrl", kMaxUrlBytes);
  s.wxAccount = fields::optionalBounded(json, "wxAccount", kMaxAccountBytes);
  s.alipayAccount = fields::optionalBounded(json, "alipayAccount", kMaxAccountBytes);
  s.unionPayAccount = fields::optionalBounded(json, "unionPayAccount", kMaxAccountBytes);
  return s;
}

}  // namespace paynext::plugins::campus
