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
constexpr std::size_t kMaxPageUrlBytes = 512;  // as paynextd takes a return address

// A page the browser is sent to: http(s), as Alipay takes it.
std::string optionalPageUrl(const Poco::JSON::Object& json, const std::string& name) {
  const std::string url = p::optionalText(json, name, kMaxPageUrlBytes);
  if (!url.empty() && url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) {
    throw p::invalid(name, "http 或 https 地址");
  }
  return url;
}
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
  json->set("successUrl", s.successUrl);
  json->set("cancelUrl", s.cancelUrl);
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
  s.successUrl = optionalPageUrl(json, "successUrl");
  s.cancelUrl = optionalPageUrl(json, "cancelUrl");
  return s;
}

}  // namespace paynext::plugins::campus
