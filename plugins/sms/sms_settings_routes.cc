#include "sms_settings_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "provider_client.h"
#include "sms_setting_store.h"

namespace paynext::plugins::sms {

namespace p = sdk::params;

namespace {

constexpr std::size_t kMaxUrlBytes = 1000;
constexpr std::size_t kMaxNameBytes = 100;

std::string boundedString(const Poco::JSON::Object& params, const std::string& name, std::size_t max) {
  std::string value = p::requireString(params, name);
  if (value.size() > max) throw sdk::ParamError(name, "参数 " + name + " 不能超过 " + std::to_string(max) + " 字节");
  return value;
}

sdk::RouteResponse createSetting(sdk::RouteContext& ctx) {
  const auto& params = *ctx.params;
  SmsSetting setting;
  setting.kind = p::requireString(params, "kind");
  if (setting.kind != kNormal && setting.kind != kVerify) {
    throw p::invalid("kind", "normal(普通短信)或 verify(验证码)");
  }
  setting.providerUrl = boundedString(params, "providerUrl", kMaxUrlBytes);
  if (!ProviderClient::supports(setting.providerUrl)) throw p::invalid("providerUrl", "http:// 或 https:// 开头的地址");
  setting.signName = boundedString(params, "signName", kMaxNameBytes);
  setting.templateCode = boundedString(params, "templateCode", kMaxNameBytes);
  return sdk::RouteResponse{sdk::codes::kOk, "success",
                            toJson(SmsSettingStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).create(setting))};
}

sdk::RouteResponse listSettings(sdk::RouteContext& ctx) {
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& s : SmsSettingStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).list()) list->add(toJson(s));
  return sdk::RouteResponse{sdk::codes::kOk, "success", list};
}

sdk::Route adminRoute(const std::string& method, bool writes, sdk::RouteResponse (*handler)(sdk::RouteContext&)) {
  return sdk::Route(method, "/settings", sdk::Audience::Admin, writes, handler, "短信设置");
}

}  // namespace

std::vector<sdk::Route> smsSettingsRoutes() {
  return {adminRoute("POST", true, createSetting), adminRoute("GET", false, listSettings)};
}

}  // namespace paynext::plugins::sms
