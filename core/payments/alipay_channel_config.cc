#include "core/payments/alipay_channel_config.h"

#include "core/payments/alipay/alipay_keys.h"
#include "core/payments/gateway_url_param.h"
#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

namespace paynext::core::payments {

AlipayChannelConfig AlipayChannelConfig::fromJson(const Poco::JSON::Object& json) {
  namespace p = sdk::params;
  AlipayChannelConfig c;
  c.appId = p::requireString(json, "appId");
  c.privateKey = p::requireString(json, "privateKey");
  c.alipayPublicKey = p::requireString(json, "alipayPublicKey");
  // Refused now rather than at the first payment; the key never goes into the message.
  try {
    alipay::loadPrivateKey(c.privateKey);
  } catch (const alipay::AlipayError& e) {
    throw sdk::ParamError("privateKey", std::string("privateKey ") + e.what());
  }
  try {
    alipay::loadPublicKey(c.alipayPublicKey);
  } catch (const alipay::AlipayError& e) {
    throw sdk::ParamError("alipayPublicKey", std::string("alipayPublicKey ") + e.what());
  }
  if (auto url = optionalGatewayUrl(json)) c.gatewayUrl = *url;
  c.test = p::optionalBool(json, "test").value_or(false);
  return c;
}

Poco::JSON::Object::Ptr AlipayChannelConfig::toJson() const {
  Poco::JSON::Object::Ptr json = redacted();
  json->remove("privateKeySet");
  json->set("privateKey", privateKey);
  return json;
}

Poco::JSON::Object::Ptr AlipayChannelConfig::redacted() const {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
  json->set("appId", appId);
  json->set("privateKeySet", !privateKey.empty());
  json->set("alipayPublicKey", alipayPublicKey);
  json->set("gatewayUrl", gatewayUrl);
  json->set("test", test);
  return json;
}

alipay::AlipayConfig AlipayChannelConfig::clientConfig() const {
  alipay::AlipayConfig c;
  c.appId = appId;
  c.privateKey = privateKey;
  c.alipayPublicKey = alipayPublicKey;
  c.gatewayUrl = gatewayUrl;
  return c;
}

}  // namespace paynext::core::payments
