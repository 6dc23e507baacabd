#include "core/payments/wxpay_channel_config.h"

#include "core/payments/gateway_url_param.h"
#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

namespace paynext::core::payments {

WxpayChannelConfig WxpayChannelConfig::fromJson(const Poco::JSON::Object& json) {
  namespace p = sdk::params;
  WxpayChannelConfig c;
  c.appId = p::requireString(json, "appId");
  c.mchId = p::requireString(json, "mchId");
  c.apiKey = p::requireString(json, "apiKey");
  if (auto type = p::optionalString(json, "signType")) {
    auto parsed = wxpay::parseSignType(*type);
    if (!parsed) throw sdk::ParamError("signType", "signType 只能是 MD5 或 HMAC-SHA256");
    c.signType = *parsed;
  }
  if (auto url = optionalGatewayUrl(json)) c.gatewayUrl = *url;
  return c;
}

Poco::JSON::Object::Ptr WxpayChannelConfig::toJson() const {
  Poco::JSON::Object::Ptr json = redacted();
  json->remove("apiKeySet");
  json->set("apiKey", apiKey);
  return json;
}

Poco::JSON::Object::Ptr WxpayChannelConfig::redacted() const {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
  json->set("appId", appId);
  json->set("mchId", mchId);
  json->set("apiKeySet", !apiKey.empty());
  json->set("signType", wxpay::signTypeName(signType));
  json->set("gatewayUrl", gatewayUrl);
  return json;
}

wxpay::WxpayV2Config WxpayChannelConfig::clientConfig() const {
  wxpay::WxpayV2Config c;
  c.appId = appId;
  c.mchId = mchId;
  c.apiKey = apiKey;
  c.signType = signType;
  c.gatewayBaseUrl = gatewayUrl;
  return c;
}

}  // namespace paynext::core::payments
