#include "core/payments/wxpay_channel_config.h"

#include <map>

#include <Poco/JSON/Array.h>
#include <Poco/RegularExpression.h>

#include "core/net/client_certificate.h"
#include "core/net/gateway_session.h"
#include "core/payments/gateway_url_param.h"
#include "core/payments/wxpay_v3/v3_error.h"
#include "core/payments/wxpay_v3/v3_keys.h"
#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

namespace paynext::core::payments {

namespace {

namespace p = sdk::params;

constexpr std::size_t kApiV3KeyBytes = 32;

// Serial numbers go into the Authorization header and are matched against
// Wechatpay-Serial: hex digits, or the PUB_KEY_ID_... of a 微信支付公钥.
void checkSerial(const std::string& field, const std::string& serial) {
  static const Poco::RegularExpression plain("^[A-Za-z0-9_]{1,64}$");
  if (!plain.match(serial)) throw sdk::ParamError(field, field + " 只能包含字母、数字和 _,最长 64 个字符");
}

std::vector<WxpayPlatformKey> platformKeysOf(const Poco::JSON::Object& json) {
  const std::string field = "platformKeys";
  const auto list = json.getArray(field);
  if (!list || list->size() == 0) {
    throw sdk::ParamError(field, "platformKeys 必须是非空数组:[{\"serialNo\",\"publicKey\"}]");
  }
  std::vector<WxpayPlatformKey> keys;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string item = field + "[" + std::to_string(i) + "]";
    const auto object = list->getObject(static_cast<unsigned>(i));
    if (!object) throw sdk::ParamError(field, item + " 必须是对象 {\"serialNo\",\"publicKey\"}");
    WxpayPlatformKey key;
    try {
      key.publicKey = p::requireString(*object, "publicKey");
    } catch (const sdk::ParamError&) {
      throw sdk::ParamError(field, item + ".publicKey 缺失");
    }
    try {
      wxpay_v3::loadPlatformPublicKey(key.publicKey);
    } catch (const wxpay_v3::WxpayV3Error& e) {
      throw sdk::ParamError(field, item + ".publicKey 无效:" + e.what());
    }
    // A certificate names its own serial; a bare public key needs one given.
    std::string certificateSerial;
    if (key.publicKey.find("-----BEGIN CERTIFICATE-----") != std::string::npos) {
      certificateSerial = wxpay_v3::certificateSerialNo(key.publicKey);
    }
    key.serialNo = p::optionalString(*object, "serialNo").value_or(certificateSerial);
    if (key.serialNo.empty()) throw sdk::ParamError(field, item + ".serialNo 缺失(公钥须注明序列号)");
    checkSerial(item + ".serialNo", key.serialNo);
    if (!certificateSerial.empty() && key.serialNo != certificateSerial) {
      throw sdk::ParamError(field, item + ".serialNo 与证书序列号 " + certificateSerial + " 不符");
    }
    for (const auto& other : keys) {
      if (other.serialNo == key.serialNo) throw sdk::ParamError(field, item + ".serialNo 重复");
    }
    keys.push_back(std::move(key));
  }
  return keys;
}

void readV3(const Poco::JSON::Object& json, WxpayChannelConfig& c) {
  c.mchSerialNo = p::requireString(json, "mchSerialNo");
  checkSerial("mchSerialNo", c.mchSerialNo);
  c.mchPrivateKey = p::requireString(json, "mchPrivateKey");
  try {
    wxpay_v3::loadMerchantPrivateKey(c.mchPrivateKey);
  } catch (const wxpay_v3::WxpayV3Error& e) {
    throw sdk::ParamError("mchPrivateKey", std::string("mchPrivateKey 无效:") + e.what());
  }
  c.apiV3Key = p::requireString(json, "apiV3Key");
  if (c.apiV3Key.size() != kApiV3KeyBytes) {
    throw sdk::ParamError("apiV3Key", "apiV3Key 必须是 32 字节(当前 " + std::to_string(c.apiV3Key.size()) + " 字节)");
  }
  c.platformKeys = platformKeysOf(json);
  c.apiKey = p::optionalString(json, "apiKey").value_or("");
}

// The v2 API certificate and its key come together and must load as a pair;
// refused now rather than at the first refund, quoting neither.
void readApiClientCertificate(const Poco::JSON::Object& json, WxpayChannelConfig& c) {
  c.apiClientCert = sdk::params::optionalString(json, "apiClientCert").value_or("");
  c.apiClientKey = sdk::params::optionalString(json, "apiClientKey").value_or("");
  if (c.apiClientCert.empty() != c.apiClientKey.empty()) {
    throw sdk::ParamError(c.apiClientCert.empty() ? "apiClientCert" : "apiClientKey",
                          "apiClientCert 与 apiClientKey 须同时设置");
  }
  if (c.apiClientCert.empty()) return;
  try {
    net::clientCertificate(c.apiClientCert, c.apiClientKey);
  } catch (const net::GatewayError& e) {
    throw sdk::ParamError("apiClientCert", std::string("apiClientCert ") + e.what());
  }
}

}  // namespace

WxpayChannelConfig WxpayChannelConfig::fromJson(const Poco::JSON::Object& json) {
  WxpayChannelConfig c;
  if (auto version = p::optionalString(json, "apiVersion")) {
    if (*version == "v3") {
      c.apiVersion = WxpayApiVersion::V3;
    } else if (*version != "v2") {
      throw sdk::ParamError("apiVersion", "apiVersion 只能是 v2 或 v3");
    }
  }
  c.appId = p::requireString(json, "appId");
  c.mchId = p::requireString(json, "mchId");
  if (c.isV3()) {
    readV3(json, c);
  } else {
    c.apiKey = p::requireString(json, "apiKey");
    if (auto type = p::optionalString(json, "signType")) {
      auto parsed = wxpay::parseSignType(*type);
      if (!parsed) throw sdk::ParamError("signType", "signType 只能是 MD5 或 HMAC-SHA256");
      c.signType = *parsed;
    }
  }
  if (auto url = optionalGatewayUrl(json)) c.gatewayUrl = *url;
  c.test = p::optionalBool(json, "test").value_or(false);
  readApiClientCertificate(json, c);
  return c;
}

Poco::JSON::Object::Ptr WxpayChannelConfig::toJson() const {
  Poco::JSON::Object::Ptr json = redacted();
  json->remove("apiKeySet");
  if (!apiKey.empty()) json->set("apiKey", apiKey);
  json->remove("apiClientCertSet");
  json->remove("apiClientKeySet");
  if (!apiClientCert.empty()) json->set("apiClientCert", apiClientCert);
  if (!apiClientKey.empty()) json->set("apiClientKey", apiClientKey);
  if (isV3()) {
    json->remove("mchPrivateKeySet");
    json->remove("apiV3KeySet");
    json->set("mchPrivateKey", mchPrivateKey);
    json->set("apiV3Key", apiV3Key);
  }
  return json;
}

Poco::JSON::Object::Ptr WxpayChannelConfig::redacted() const {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
  json->set("apiVersion", isV3() ? "v3" : "v2");
  json->set("appId", appId);
  json->set("mchId", mchId);
  json->set("apiKeySet", !apiKey.empty());
  json->set("gatewayUrl", gatewayUrl);
  json->set("test", test);
  json->set("apiClientCertSet", !apiClientCert.empty());  // a certificate is public, but long: shown as set
  json->set("apiClientKeySet", !apiClientKey.empty());
  if (!isV3()) {
    json->set("signType", wxpay::signTypeName(signType));
    return json;
  }
  json->set("mchSerialNo", mchSerialNo);
  json->set("mchPrivateKeySet", !mchPrivateKey.empty());
  json->set("apiV3KeySet", !apiV3Key.empty());
  Poco::JSON::Array::Ptr keys = new Poco::JSON::Array;
  for (const auto& key : platformKeys) {
    Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
    item->set("serialNo", key.serialNo);
    item->set("publicKey", key.publicKey);  // public: shown so admins can tell which key is in place
    keys->add(item);
  }
  json->set("platformKeys", keys);
  return json;
}

wxpay::WxpayV2Config WxpayChannelConfig::clientConfig() const {
  wxpay::WxpayV2Config c;
  c.appId = appId;
  c.mchId = mchId;
  c.apiKey = apiKey;
  c.signType = signType;
  c.gatewayBaseUrl = gatewayUrl;
  c.apiClientCertPem = apiClientCert;
  c.apiClientKeyPem = apiClientKey;
  return c;
}

Poco::Crypto::RSAKey WxpayChannelConfig::v3PrivateKey() const { return wxpay_v3::loadMerchantPrivateKey(mchPrivateKey); }

wxpay_v3::V3ResponseVerifier WxpayChannelConfig::v3Verifier() const {
  std::map<std::string, Poco::Crypto::RSAKey> keys;
  for (const auto& key : platformKeys) keys.emplace(key.serialNo, wxpay_v3::loadPlatformPublicKey(key.publicKey));
  return wxpay_v3::V3ResponseVerifier(std::move(keys));
}

wxpay_v3::WxpayV3Client WxpayChannelConfig::v3Client() const {
  wxpay_v3::WxpayV3Config c;
  c.appId = appId;
  c.gatewayBaseUrl = gatewayUrl;
  return wxpay_v3::WxpayV3Client(c, wxpay_v3::V3RequestSigner(mchId, mchSerialNo, v3PrivateKey()), v3Verifier());
}

}  // namespace paynext::core::payments
