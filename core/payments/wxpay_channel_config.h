#pragma once
#include <optional>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "core/payments/wxpay/wxpay_sign.h"
#include "core/payments/wxpay/wxpay_v2_client.h"
#include "core/payments/wxpay_v3/v3_client.h"

namespace paynext::core::payments {

// Which WeChat Pay API a factory's merchant speaks.
enum class WxpayApiVersion { V2, V3 };

// A key WeChat signs API v3 answers and notifications with, named by the
// serial it sends in Wechatpay-Serial. Several may be configured while
// WeChat rotates them.
struct WxpayPlatformKey {
  std::string serialNo;
  std::string publicKey;  // PEM: a platform certificate or a 微信支付公钥
};

// A factory's WeChat Pay merchant settings, stored as JSON per factory:
// API v2 (MD5 / HMAC-SHA256 with the API key) or API v3 (RSA signatures,
// AEAD_AES_256_GCM notifications).
struct WxpayChannelConfig {
  WxpayApiVersion apiVersion = WxpayApiVersion::V2;
  std::string appId;
  std::string mchId;
  std::string apiKey;  // v2 secret: write-only through the admin API; optional for v3
  wxpay::SignType signType = wxpay::SignType::Md5;
  std::string gatewayUrl = "https://api.mch.weixin.qq.com";
  bool test = false;  // a test merchant: payments say livemode false
  // API v2 refunds (secapi, mutual TLS): the merchant API certificate
  // (apiclient_cert.pem) and its key (apiclient_key.pem, secret: write-only).
  std::string apiClientCert;
  std::string apiClientKey;
  // API v3 only.
  std::string mchSerialNo;    // serial of the merchant API certificate
  std::string mchPrivateKey;  // secret: PEM, PKCS#1 or PKCS#8
  std::string apiV3Key;       // secret: 32 bytes, decrypts notification resources
  std::vector<WxpayPlatformKey> platformKeys;

  // Throws sdk::Error naming the field for a bad document, an unreadable
  // key or an APIv3 key of the wrong length (never quoting a secret).
  static WxpayChannelConfig fromJson(const Poco::JSON::Object& json);
  Poco::JSON::Object::Ptr toJson() const;
  // What admins may see: each secret replaced by whether it is set.
  Poco::JSON::Object::Ptr redacted() const;

  bool isV3() const { return apiVersion == WxpayApiVersion::V3; }
  wxpay::WxpayV2Config clientConfig() const;
  // API v3 (isV3() only): the merchant's signing key, the verifier of
  // WeChat's signatures and the client built from both.
  Poco::Crypto::RSAKey v3PrivateKey() const;
  wxpay_v3::V3ResponseVerifier v3Verifier() const;
  wxpay_v3::WxpayV3Client v3Client() const;
};

}  // namespace paynext::core::payments
