#include "core/payments/wxpay_channel_config.h"

#include <sstream>

#include <gtest/gtest.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include "paynext/sdk/errors.h"
#include "tests/unit/payments/wxpay_v3/v3_test_keys.h"

namespace paynext::core::payments {
namespace {

namespace keys = wxpay_v3::testing;

const std::string kApiV3Key = "0123456789abcdef0123456789ABCDEF";

std::string text(const Poco::JSON::Object::Ptr& json) {
  std::ostringstream out;
  json->stringify(out);
  return out.str();
}

Poco::JSON::Object::Ptr v3Document() {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
  json->set("apiVersion", "v3");
  json->set("appId", "wxapp");
  json->set("mchId", "1900000109");
  json->set("mchSerialNo", "5157F09EFDC096DE15EBE81A47057A72");
  json->set("mchPrivateKey", keys::privatePemPkcs8(keys::merchantKey()));
  json->set("apiV3Key", kApiV3Key);
  Poco::JSON::Array::Ptr platform = new Poco::JSON::Array;
  Poco::JSON::Object::Ptr key = new Poco::JSON::Object;
  key->set("publicKey", keys::certificatePem(keys::platformKey(), "7132D72A03E93CDDF8C03BBD1F37EEDF"));
  platform->add(key);
  json->set("platformKeys", platform);
  json->set("gatewayUrl", "http://127.0.0.1:9");
  return json;
}

// The ParamError's field and message for a document, or fails.
std::pair<std::string, std::string> refusal(const Poco::JSON::Object::Ptr& json) {
  try {
    WxpayChannelConfig::fromJson(*json);
  } catch (const sdk::ParamError& e) {
    EXPECT_EQ(sdk::codes::kBadRequest, e.code());
    return {e.field(), e.what()};
  }
  ADD_FAILURE() << "accepted " << text(json);
  return {};
}

TEST(WxpayChannelConfigTest, ExistingV2DocumentsStayV2) {
  Poco::JSON::Parser parser;
  const auto json = parser
                        .parse(
                            "{\"appId\":\"wx1\",\"mchId\":\"10000100\",\"apiKey\":\"k\",\"signType\":\"HMAC-SHA256\","
                            "\"gatewayUrl\":\"http://127.0.0.1:1\"}")
                        .extract<Poco::JSON::Object::Ptr>();
  const auto c = WxpayChannelConfig::fromJson(*json);
  EXPECT_FALSE(c.isV3());
  EXPECT_EQ(wxpay::SignType::HmacSha256, c.signType);
  EXPECT_EQ(
      "{\"apiClientCertSet\":false,\"apiClientKeySet\":false,\"apiKeySet\":true,\"apiVersion\":\"v2\",\"appId\":\"wx1\",\"gatewayUrl\":\"http://127.0.0.1:1\","
      "\"mchId\":\"10000100\",\"signType\":\"HMAC-SHA256\",\"test\":false}",
      text(c.redacted()));
  EXPECT_EQ("k", WxpayChannelConfig::fromJson(*c.toJson()).apiKey);
}

// The v2 API certificate and its key come together, and must load; neither is quoted.
TEST(WxpayChannelConfigTest, ApiClientCertificateIsCheckedAsAPair) {
  Poco::JSON::Parser parser;
  auto json = parser.parse(R"({"appId":"wx1","mchId":"10000100","apiKey":"k","apiClientCert":"CERT"})")
                  .extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(std::make_pair(std::string("apiClientKey"), std::string("apiClientCert 与 apiClientKey 须同时设置")),
            refusal(json));
  json->remove("apiClientCert");
  json->set("apiClientKey", "SECRET-KEY-TEXT");
  EXPECT_EQ(std::make_pair(std::string("apiClientCert"), std::string("apiClientCert 与 apiClientKey 须同时设置")),
            refusal(json));
  json->set("apiClientCert", "not a certificate");
  const auto unreadable = refusal(json);
  EXPECT_EQ(std::make_pair(std::string("apiClientCert"),
                           std::string("apiClientCert client certificate: the certificate is not readable PEM")),
            unreadable);
  EXPECT_EQ(std::string::npos, unreadable.second.find("SECRET-KEY-TEXT"));
}

// A test merchant's payments say so (livemode false in the campus dialect).
TEST(WxpayChannelConfigTest, TestFlagIsKeptAndShown) {
  Poco::JSON::Parser parser;
  auto json = parser.parse(R"({"appId":"wx1","mchId":"10000100","apiKey":"k","test":true})")
                        .extract<Poco::JSON::Object::Ptr>();
  const auto c = WxpayChannelConfig::fromJson(*json);
  EXPECT_TRUE(c.test);
  EXPECT_TRUE(WxpayChannelConfig::fromJson(*c.toJson()).test);
  EXPECT_NE(std::string::npos, text(c.redacted()).find("\"test\":true"));
  json->set("test", "yes");
  EXPECT_EQ(std::make_pair(std::string("test"), std::string("参数 test 格式错误,应为true 或 false")), refusal(json));
}

TEST(WxpayChannelConfigTest, V3DocumentIsReadAndRoundTrips) {
  const auto c = WxpayChannelConfig::fromJson(*v3Document());
  EXPECT_TRUE(c.isV3());
  ASSERT_EQ(1u, c.platformKeys.size());
  EXPECT_EQ("7132D72A03E93CDDF8C03BBD1F37EEDF", c.platformKeys[0].serialNo);  // from the certificate
  EXPECT_TRUE(c.apiKey.empty());
  const auto again = WxpayChannelConfig::fromJson(*c.toJson());
  EXPECT_EQ(c.mchPrivateKey, again.mchPrivateKey);
  EXPECT_EQ(kApiV3Key, again.apiV3Key);
  EXPECT_EQ(c.platformKeys[0].publicKey, again.platformKeys[0].publicKey);
}

TEST(WxpayChannelConfigTest, V3SecretsAreRedacted) {
  auto json = v3Document();
  json->set("apiKey", "v2-secret-key");
  const auto redacted = text(WxpayChannelConfig::fromJson(*json).redacted());
  EXPECT_EQ(std::string::npos, redacted.find(kApiV3Key));
  EXPECT_EQ(std::string::npos, redacted.find("PRIVATE KEY"));
  EXPECT_EQ(std::string::npos, redacted.find("v2-secret-key"));
  EXPECT_NE(std::string::npos, redacted.find("\"mchPrivateKeySet\":true"));
  EXPECT_NE(std::string::npos, redacted.find("\"apiV3KeySet\":true"));
  EXPECT_NE(std::string::npos, redacted.find("\"apiKeySet\":true"));
  EXPECT_NE(std::string::npos, redacted.find("\"apiVersion\":\"v3\""));
  EXPECT_NE(std::string::npos, redacted.find("\"serialNo\":\"7132D72A03E93CDDF8C03BBD1F37EEDF\""));
}

TEST(WxpayChannelConfigTest, PkcsOneKeyAndBarePublicKeyWithSerialAreAccepted) {
  auto json = v3Document();
  json->set("mchPrivateKey", keys::privatePemPkcs1(keys::merchantKey()));
  Poco::JSON::Array::Ptr platform = new Poco::JSON::Array;
  Poco::JSON::Object::Ptr key = new Poco::JSON::Object;
  key->set("serialNo", "PUB_KEY_ID_0114232134912410000000000000");
  key->set("publicKey", keys::publicPem(keys::platformKey()));
  platform->add(key);
  json->set("platformKeys", platform);
  EXPECT_EQ("PUB_KEY_ID_0114232134912410000000000000", WxpayChannelConfig::fromJson(*json).platformKeys[0].serialNo);
}

TEST(WxpayChannelConfigTest, BadV3DocumentsAreRefusedNamingTheField) {
  auto json = v3Document();
  json->set("apiVersion", "v4");
  EXPECT_EQ(std::make_pair(std::string("apiVersion"), std::string("apiVersion 只能是 v2 或 v3")), refusal(json));

  json = v3Document();
  json->set("apiV3Key", "short");
  EXPECT_EQ(std::make_pair(std::string("apiV3Key"), std::string("apiV3Key 必须是 32 字节(当前 5 字节)")),
            refusal(json));

  json = v3Document();
  json->set("mchPrivateKey", "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n");
  EXPECT_EQ(std::make_pair(std::string("mchPrivateKey"),
                           std::string("mchPrivateKey 无效:merchant private key is not a valid RSA private key")),
            refusal(json));

  json = v3Document();
  json->set("mchPrivateKey", keys::publicPem(keys::merchantKey()));
  EXPECT_EQ(
      "mchPrivateKey 无效:merchant private key is not a PEM private key (BEGIN PRIVATE KEY or BEGIN RSA "
      "PRIVATE KEY)",
      refusal(json).second);

  json = v3Document();
  json->remove("mchSerialNo");
  EXPECT_EQ(std::make_pair(std::string("mchSerialNo"), std::string("缺少参数 mchSerialNo")), refusal(json));

  json = v3Document();
  json->set("mchSerialNo", "AB\",x=\"1");
  EXPECT_EQ("mchSerialNo 只能包含字母、数字和 _,最长 64 个字符", refusal(json).second);

  json = v3Document();
  json->set("platformKeys", Poco::JSON::Array::Ptr(new Poco::JSON::Array));
  EXPECT_EQ(std::make_pair(std::string("platformKeys"),
                           std::string("platformKeys 必须是非空数组:[{\"serialNo\",\"publicKey\"}]")),
            refusal(json));

  json = v3Document();
  Poco::JSON::Array::Ptr platform = new Poco::JSON::Array;
  Poco::JSON::Object::Ptr bare = new Poco::JSON::Object;
  bare->set("publicKey", keys::publicPem(keys::platformKey()));
  platform->add(bare);
  json->set("platformKeys", platform);
  EXPECT_EQ("platformKeys[0].serialNo 缺失(公钥须注明序列号)", refusal(json).second);

  bare->set("publicKey", "garbage");
  EXPECT_EQ("platformKeys[0].publicKey 无效:platform public key is neither a PEM public key nor a PEM certificate",
            refusal(json).second);

  Poco::JSON::Object::Ptr certificate = new Poco::JSON::Object;
  certificate->set("serialNo", "1234");
  certificate->set("publicKey", keys::certificatePem(keys::platformKey(), "7132D72A03E93CDDF8C03BBD1F37EEDF"));
  platform = new Poco::JSON::Array;
  platform->add(certificate);
  json->set("platformKeys", platform);
  EXPECT_EQ("platformKeys[0].serialNo 与证书序列号 7132D72A03E93CDDF8C03BBD1F37EEDF 不符", refusal(json).second);
}

TEST(WxpayChannelConfigTest, RefusalsNeverQuoteTheSecrets) {
  auto json = v3Document();
  json->set("apiV3Key", "0123456789abcdef0123456789ABCDEF-too-long");
  EXPECT_EQ(std::string::npos, refusal(json).second.find("0123456789abcdef"));
}

TEST(WxpayChannelConfigTest, V2DocumentStillNeedsItsApiKey) {
  auto json = v3Document();
  json->set("apiVersion", "v2");
  EXPECT_EQ(std::make_pair(std::string("apiKey"), std::string("缺少参数 apiKey")), refusal(json));
}

}  // namespace
}  // namespace paynext::core::payments
