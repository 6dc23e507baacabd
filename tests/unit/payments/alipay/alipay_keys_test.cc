#include "core/payments/alipay/alipay_keys.h"

#include <functional>
#include <sstream>

#include <Poco/Crypto/EVPPKey.h>
#include <gtest/gtest.h>

#include "core/payments/alipay/alipay_sign.h"
#include "tests/support/rsa_test_keys.h"
#include "tests/support/error_of.h"

namespace paynext::core::payments::alipay {
namespace {

using paynext::testing::alipayKeys;
using paynext::testing::merchantKeys;

const std::string kPrivateKeyError =
    "private key: not an unencrypted RSA private key in PKCS#1 or PKCS#8 PEM, nor the base64 body of one";
const std::string kPublicKeyError =
    "public key: not an RSA public key in PEM (BEGIN PUBLIC KEY), nor the base64 body of one";

const auto errorOf = paynext::testing::errorOf<AlipayError>;

// A private key loads when what it signs verifies with the public half.
void expectPair(const Poco::Crypto::RSAKey& privateKey, const Poco::Crypto::RSAKey& publicKey) {
  const std::string sign = rsa2Sign("a=1&b=2", privateKey);
  EXPECT_TRUE(rsa2Verify("a=1&b=2", sign, publicKey));
}

TEST(AlipayKeysTest, TheTestKeysHaveTheExpectedArmour) {
  EXPECT_EQ(0u, merchantKeys().pkcs1Pem.find("-----BEGIN RSA PRIVATE KEY-----\n"));
  EXPECT_EQ(0u, merchantKeys().pkcs8Pem.find("-----BEGIN PRIVATE KEY-----\n"));
  EXPECT_EQ(0u, merchantKeys().publicPem.find("-----BEGIN PUBLIC KEY-----\n"));
  EXPECT_EQ(std::string::npos, merchantKeys().publicBody.find('\n'));
}

TEST(AlipayKeysTest, LoadsPkcs1AndPkcs8PrivateKeys) {
  const Poco::Crypto::RSAKey publicKey = loadPublicKey(merchantKeys().publicPem);
  for (const std::string& text : {merchantKeys().pkcs1Pem, merchantKeys().pkcs8Pem}) {
    const Poco::Crypto::RSAKey key = loadPrivateKey(text);
    EXPECT_EQ(2048, key.size() * 8);
    expectPair(key, publicKey);
  }
}

TEST(AlipayKeysTest, LoadsBareBase64PrivateKeysInEitherFormat) {
  const Poco::Crypto::RSAKey publicKey = loadPublicKey(merchantKeys().publicPem);
  expectPair(loadPrivateKey(merchantKeys().pkcs8Body), publicKey);
  expectPair(loadPrivateKey(merchantKeys().pkcs1Body), publicKey);
}

TEST(AlipayKeysTest, LoadsPublicKeysAsPemOrBareBase64) {
  expectPair(merchantKeys().key, loadPublicKey(merchantKeys().publicPem));
  expectPair(merchantKeys().key, loadPublicKey(merchantKeys().publicBody));
}

TEST(AlipayKeysTest, ToleratesSurroundingWhitespaceAndCrLf) {
  std::string crlf;
  for (char c : merchantKeys().publicPem) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  expectPair(merchantKeys().key, loadPublicKey("\n  " + crlf + "  \n"));
  expectPair(loadPrivateKey("  " + merchantKeys().pkcs8Body + "\n"), merchantKeys().key);
  // A body pasted across several lines.
  const std::string& body = merchantKeys().publicBody;
  expectPair(merchantKeys().key, loadPublicKey(body.substr(0, 100) + "\n" + body.substr(100)));
}

TEST(AlipayKeysTest, GarbageIsAClearError) {
  EXPECT_EQ(kPrivateKeyError, errorOf([] { loadPrivateKey("garbage!"); }));
  EXPECT_EQ(kPrivateKeyError, errorOf([] { loadPrivateKey(""); }));
  EXPECT_EQ(kPrivateKeyError,
            errorOf([] { loadPrivateKey("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"); }));
  EXPECT_EQ(kPublicKeyError, errorOf([] { loadPublicKey("garbage!"); }));
  EXPECT_EQ(kPublicKeyError, errorOf([] { loadPublicKey(""); }));
  EXPECT_EQ(kPublicKeyError, errorOf([] { loadPublicKey("QUFBQQ=="); }));
}

TEST(AlipayKeysTest, AKeyOfTheOtherKindIsRefused) {
  EXPECT_EQ(kPrivateKeyError, errorOf([] { loadPrivateKey(merchantKeys().publicPem); }));
  EXPECT_EQ(kPrivateKeyError, errorOf([] { loadPrivateKey(merchantKeys().publicBody); }));
  EXPECT_EQ(kPublicKeyError, errorOf([] { loadPublicKey(merchantKeys().pkcs8Pem); }));
  EXPECT_EQ(kPublicKeyError, errorOf([] { loadPublicKey(merchantKeys().pkcs1Body); }));
}

TEST(AlipayKeysTest, EncryptedPrivateKeysAreRefusedWithoutPrompting) {
  std::ostringstream pkcs1, pkcs8, unused;
  merchantKeys().key.save(&unused, &pkcs1, "secret");
  Poco::Crypto::RSAKey key = merchantKeys().key;
  Poco::Crypto::EVPPKey(&key).save(&unused, &pkcs8, "secret");
  ASSERT_NE(std::string::npos, pkcs1.str().find("Proc-Type: 4,ENCRYPTED"));
  ASSERT_NE(std::string::npos, pkcs8.str().find("BEGIN ENCRYPTED PRIVATE KEY"));
  EXPECT_EQ(kPrivateKeyError, errorOf([&] { loadPrivateKey(pkcs1.str()); }));
  EXPECT_EQ(kPrivateKeyError, errorOf([&] { loadPrivateKey(pkcs8.str()); }));
}

TEST(AlipayKeysTest, ACorruptKeyNeverAppearsInTheMessage) {
  std::string body = merchantKeys().pkcs8Body;
  body[200] = body[200] == 'A' ? 'B' : 'A';
  body.resize(body.size() - 40);
  const std::string message = errorOf([&] { loadPrivateKey(body); });
  EXPECT_EQ(kPrivateKeyError, message);
  EXPECT_EQ(std::string::npos, message.find(body.substr(0, 16)));
}

}  // namespace
}  // namespace paynext::core::payments::alipay
