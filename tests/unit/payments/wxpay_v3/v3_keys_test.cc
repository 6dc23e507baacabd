#include "core/payments/wxpay_v3/v3_keys.h"

#include <functional>

#include <gtest/gtest.h>

#include "core/payments/wxpay_v3/v3_error.h"
#include "core/payments/wxpay_v3/v3_rsa_signature.h"
#include "tests/unit/payments/wxpay_v3/v3_test_keys.h"
#include "tests/support/error_of.h"

namespace paynext::core::payments::wxpay_v3 {
namespace {

using testing::certificatePem;
using testing::merchantKey;
using testing::platformKey;
using testing::privatePemPkcs1;
using testing::privatePemPkcs8;
using testing::publicPem;

const std::string kSerial = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";

const auto errorOf = paynext::testing::errorOf<WxpayV3Error>;

// A key loaded by the function under test signs what the original verifies.
void expectSameKeyPair(const Poco::Crypto::RSAKey& privateKey, const Poco::Crypto::RSAKey& publicKey) {
  const std::string signature = signSha256WithRsa(privateKey, "message");
  EXPECT_TRUE(verifySha256WithRsa(publicKey, "message", signature));
}

TEST(WxpayV3KeysTest, MerchantKeyLoadsFromPkcs8AndPkcs1) {
  const std::string pkcs8 = privatePemPkcs8(merchantKey());
  const std::string pkcs1 = privatePemPkcs1(merchantKey());
  ASSERT_NE(std::string::npos, pkcs8.find("-----BEGIN PRIVATE KEY-----"));
  ASSERT_NE(std::string::npos, pkcs1.find("-----BEGIN RSA PRIVATE KEY-----"));
  expectSameKeyPair(loadMerchantPrivateKey(pkcs8), merchantKey());
  expectSameKeyPair(loadMerchantPrivateKey(pkcs1), merchantKey());
}

TEST(WxpayV3KeysTest, MerchantKeyRefusals) {
  EXPECT_EQ("merchant private key is not a PEM private key (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY)",
            errorOf([] { loadMerchantPrivateKey(publicPem(merchantKey())); }));
  EXPECT_EQ("merchant private key is not a PEM private key (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY)",
            errorOf([] { loadMerchantPrivateKey(""); }));
  EXPECT_EQ("merchant private key is encrypted; configure it unencrypted",
            errorOf([] { loadMerchantPrivateKey("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n"); }));
  EXPECT_EQ(
      "merchant private key is encrypted; configure it unencrypted", errorOf([] {
        loadMerchantPrivateKey("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n");
      }));
  // A damaged body: the message must not quote any of it.
  std::string damaged = privatePemPkcs8(merchantKey());
  damaged.replace(damaged.find('\n') + 1, 8, "********");
  const std::string error = errorOf([&] { loadMerchantPrivateKey(damaged); });
  EXPECT_EQ("merchant private key is not a valid RSA private key", error);
}

TEST(WxpayV3KeysTest, PlatformKeyLoadsFromPublicKeyOrCertificate) {
  expectSameKeyPair(platformKey(), loadPlatformPublicKey(publicPem(platformKey())));
  expectSameKeyPair(platformKey(), loadPlatformPublicKey(certificatePem(platformKey(), kSerial)));
}

TEST(WxpayV3KeysTest, PlatformKeyRefusals) {
  EXPECT_EQ("platform public key is neither a PEM public key nor a PEM certificate",
            errorOf([] { loadPlatformPublicKey(privatePemPkcs8(platformKey())); }));
  EXPECT_EQ("platform public key is not a valid RSA public key",
            errorOf([] { loadPlatformPublicKey("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"); }));
  EXPECT_EQ("platform certificate is not a valid X.509 certificate",
            errorOf([] { loadPlatformPublicKey("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"); }));
}

TEST(WxpayV3KeysTest, CertificateSerialIsUpperCaseHex) {
  EXPECT_EQ(kSerial, certificateSerialNo(certificatePem(platformKey(), "5157f09efdc096de15ebe81a47057a7232f1b8e1")));
  EXPECT_EQ("certificate is not a PEM certificate", errorOf([] { certificateSerialNo(publicPem(platformKey())); }));
}

}  // namespace
}  // namespace paynext::core::payments::wxpay_v3
