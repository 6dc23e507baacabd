#include "sms_settings_routes.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "sms_setting_store.h"

namespace paynext::plugins::sms {

namespace p = sdk::params;

namespace {

constexpr std::size_t kMaxUrlBytes = 1000;
constexpr std::size_t kMaxNameBytes = 100;

sdk::RouteResponse createSetting(sdk::RouteContext& ctx) {
  const auto& params = *ctx.params;
  SmsSetting setting;
  setting.kind = p::requireString(params, "kind");
  if (setting.kind != kNormal && setting.kind != kVerify) {
    throw p::invalid("kind", "normal(普通短信)或 verify(验证码)");
  }
  setting.providerUrl = p::requireOutboundUrl(params, "providerUrl", kMaxUrlBytes, ctx.http);
  setting.signName = p::requireText(params, "signName", kMaxNameBytes);
  setting.templateCode = p::requireText(params, "templateCode", kMaxNameBytes);
  return sdk::RouteResponse::ok(
      toJson(SmsSettingStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).create(setting)));
}

sdk::RouteResponse listSettings(sdk::RouteContext& ctx) {
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& s : SmsSettingStore(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock).list()) list->add(toJson(s));
  return sdk::RouteResponse::ok(list);
}

sdk::Route adminRoute(const std::string& method, bool writes, sdk::RouteResponse (*handler)(sdk::RouteContext&)) {
  return sdk::Route(method, "/settings", sdk::Audience::Admin, writes, handler, "短信设置");
}

}  // namespace

std::vector<sdk::Route> smsSettingsRoutes() {
  return {adminRoute("POST", true, createSetting), adminRoute("GET", false, listSettings)};
}

}  // namespace paynext::plugins::sms
