#include "core/payments/alipay/alipay_sign.h"

#include <memory>
#include <sstream>

#include <Poco/Base64Decoder.h>
#include <Poco/StreamCopier.h>
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include "tests/support/rsa_test_keys.h"

namespace paynext::core::payments::alipay {
namespace {

using paynext::testing::alipayKeys;
using paynext::testing::merchantKeys;

// Common request params with the characters that must not be encoded in the
// sign content: Chinese, '&', '=', spaces, '+', '/', '%', quotes.
Params requestParams() {
  return {{"app_id", "2021000000000001"},
          {"method", "alipay.trade.app.pay"},
          {"format", "JSON"},
          {"charset", "utf-8"},
          {"sign_type", "RSA2"},
          {"timestamp", "2024-01-02 03:04:05"},
          {"version", "1.0"},
          {"notify_url", "https://m.example.com/notify?a=1&b=2"},
          {"biz_content", R"({"subject":"充值 a&b=c+d/e%20","total_amount":"0.01"})"}};
}

const std::string kRequestContent =
    R"(app_id=2021000000000001&biz_content={"subject":"充值 a&b=c+d/e%20","total_amount":"0.01"})"
    "&charset=utf-8&format=JSON&method=alipay.trade.app.pay&notify_url=https://m.example.com/notify?a=1&b=2"
    "&sign_type=RSA2&timestamp=2024-01-02 03:04:05&version=1.0";

const std::string kNotifyContent =
    R"(app_id=2021000000000001&biz_content={"subject":"充值 a&b=c+d/e%20","total_amount":"0.01"})"
    "&charset=utf-8&format=JSON&method=alipay.trade.app.pay&notify_url=https://m.example.com/notify?a=1&b=2"
    "&timestamp=2024-01-02 03:04:05&version=1.0";

TEST(AlipaySignTest, RequestContentIsSortedRawAndWithoutSign) {
  EXPECT_EQ(kRequestContent, signContent(requestParams()));
  EXPECT_EQ(kRequestContent, signContent(requestParams(), Purpose::Request));
}

TEST(AlipaySignTest, NotifyContentAlsoLeavesOutSignType) {
  EXPECT_EQ(kNotifyContent, signContent(requestParams(), Purpose::Notify));
}

TEST(AlipaySignTest, EmptyValuesAndSignAreLeftOut) {
  Params params = requestParams();
  params["sign"] = "c2lnbg==";
  params["alipay_sdk"] = "";
  params["return_url"] = "";
  EXPECT_EQ(kRequestContent, signContent(params));
  EXPECT_EQ(kNotifyContent, signContent(params, Purpose::Notify));
}

TEST(AlipaySignTest, KeysSortByAsciiSoUpperCaseAndDigitsComeFirst) {
  EXPECT_EQ("1=d&B=2&_=3&a=1", signContent({{"a", "1"}, {"B", "2"}, {"_", "3"}, {"1", "d"}}));
}

TEST(AlipaySignTest, SignsAndVerifies) {
  const std::string sign = rsa2Sign(kRequestContent, merchantKeys().key);
  EXPECT_EQ(344u, sign.size());  // 256 bytes of RSA 2048, base64 on one line
  EXPECT_EQ(std::string::npos, sign.find('\n'));
  EXPECT_TRUE(rsa2Verify(kRequestContent, sign, merchantKeys().key));
  // PKCS#1 v1.5 signatures are deterministic.
  EXPECT_EQ(sign, rsa2Sign(kRequestContent, merchantKeys().key));
}

TEST(AlipaySignTest, TamperedContentIsRefused) {
  const std::string sign = rsa2Sign(kRequestContent, merchantKeys().key);
  std::string changed = kRequestContent;
  changed.replace(changed.find("0.01"), 4, "0.02");
  EXPECT_FALSE(rsa2Verify(changed, sign, merchantKeys().key));
  EXPECT_FALSE(rsa2Verify(kRequestContent + "&x=1", sign, merchantKeys().key));
}

TEST(AlipaySignTest, TamperedOrMalformedSignaturesAreRefused) {
  std::string sign = rsa2Sign(kRequestContent, merchantKeys().key);
  sign[10] = sign[10] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(rsa2Verify(kRequestContent, sign, merchantKeys().key));
  EXPECT_FALSE(rsa2Verify(kRequestContent, "", merchantKeys().key));
  EXPECT_FALSE(rsa2Verify(kRequestContent, "!!!not base64!!!", merchantKeys().key));
  EXPECT_FALSE(rsa2Verify(kRequestContent, "c2hvcnQ=", merchantKeys().key));
}

TEST(AlipaySignTest, AnotherKeysSignatureIsRefused) {
  const std::string sign = rsa2Sign(kRequestContent, alipayKeys().key);
  EXPECT_FALSE(rsa2Verify(kRequestContent, sign, merchantKeys().key));
}

// Checks the signature with OpenSSL's EVP interface directly (not Poco), as
// Alipay's SHA256withRSA: RSASSA-PKCS1-v1_5 over SHA-256.
TEST(AlipaySignTest, IsSha256WithRsaAsOpenSslSeesIt) {
  const std::string sign = rsa2Sign(kRequestContent, merchantKeys().key);
  std::string raw;
  std::istringstream in(sign);
  Poco::Base64Decoder decoder(in);
  Poco::StreamCopier::copyToString(decoder, raw);

  const std::string& pem = merchantKeys().publicPem;
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr),
                                                          EVP_PKEY_free);
  ASSERT_TRUE(key);
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  ASSERT_EQ(1, EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()));
  EXPECT_EQ(1,
            EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size(),
                             reinterpret_cast<const unsigned char*>(kRequestContent.data()), kRequestContent.size()));
}

}  // namespace
}  // namespace paynext::core::payments::alipay
