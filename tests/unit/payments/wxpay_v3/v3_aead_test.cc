#include "core/payments/wxpay_v3/v3_aead.h"

#include <functional>

#include <Poco/DigestEngine.h>
#include <gtest/gtest.h>

#include "core/payments/wxpay_v3/v3_base64.h"
#include "core/payments/wxpay_v3/v3_error.h"
#include "tests/support/error_of.h"

namespace paynext::core::payments::wxpay_v3 {
namespace {

const std::string kKey = "0123456789abcdef0123456789ABCDEF";  // 32 ASCII bytes, like an APIv3 key
const std::string kNonce = "fedcba987654";
const std::string kAad = "transaction";
const std::string kPlain = R"({"appid":"wxd678efh567hg6787","mchid":"1230000109",)"
                           R"("out_trade_no":"1217752501201407033233368018","trade_state":"SUCCESS"})";
// AESGCM(kKey).encrypt(kNonce, kPlain, kAad) computed once with Python's
// `cryptography` package, independently of this code.
const std::string kSealed =
    "Qgj/shrZ1wBFxurpoMHE6+NaVSgIV6UW4orCG6DrgNUIFeuk8lnyOPnilGldYli8wNJ1tOGryIws6LUqqNUitWhbX/y99iNUzwnD8UCZAJNyxX/"
    "aRzUhQq+bxZW4cf6gr8UR4GR14k9ZPi+Ukkg3sbEYTuVuhvIpdcL5dmxi5herMW1ogGrOGiI=";
const std::string kDecryptFailed = "AEAD_AES_256_GCM decryption failed: wrong APIv3 key or tampered resource";

const auto errorOf = paynext::testing::errorOf<WxpayV3Error>;

std::string unhex(const std::string& hex) {
  const auto bytes = Poco::DigestEngine::digestFromHex(hex);
  return std::string(bytes.begin(), bytes.end());
}

TEST(WxpayV3AeadTest, KnownAnswerComputedWithPython) {
  EXPECT_EQ(kPlain, aeadAes256GcmDecrypt(kKey, kNonce, kAad, kSealed));
  EXPECT_EQ(kSealed, aeadAes256GcmEncrypt(kKey, kNonce, kAad, kPlain));
}

// Test Case 16 of McGrew & Viega, "The Galois/Counter Mode of Operation"
// (AES-256, 96-bit IV, 20 bytes of AAD, a partial last block).
TEST(WxpayV3AeadTest, GcmSpecificationTestCase16) {
  const std::string key = unhex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
  const std::string iv = unhex("cafebabefacedbaddecaf888");
  const std::string aad = unhex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
  const std::string plain = unhex(
      "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
      "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
  const std::string sealed = unhex(
      "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
      "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
      "76fc6ece0f4e1768cddf8853bb2d551b");  // ciphertext || tag
  EXPECT_EQ(base64Encode(sealed), aeadAes256GcmEncrypt(key, iv, aad, plain));
  EXPECT_EQ(plain, aeadAes256GcmDecrypt(key, iv, aad, base64Encode(sealed)));
}

TEST(WxpayV3AeadTest, RoundTripsEmptyAndLongPlaintexts) {
  EXPECT_EQ("", aeadAes256GcmDecrypt(kKey, kNonce, "", aeadAes256GcmEncrypt(kKey, kNonce, "", "")));
  EXPECT_EQ(24u, aeadAes256GcmEncrypt(kKey, kNonce, "", "").size());  // the tag alone
  const std::string longText(100000, 'x');
  EXPECT_EQ(longText, aeadAes256GcmDecrypt(kKey, kNonce, kAad, aeadAes256GcmEncrypt(kKey, kNonce, kAad, longText)));
}

TEST(WxpayV3AeadTest, WrongKeyNonceOrAadFails) {
  EXPECT_EQ(kDecryptFailed,
            errorOf([] { aeadAes256GcmDecrypt("0123456789abcdef0123456789ABCDEG", kNonce, kAad, kSealed); }));
  EXPECT_EQ(kDecryptFailed, errorOf([] { aeadAes256GcmDecrypt(kKey, "fedcba987655", kAad, kSealed); }));
  EXPECT_EQ(kDecryptFailed, errorOf([] { aeadAes256GcmDecrypt(kKey, kNonce, "transactiom", kSealed); }));
  EXPECT_EQ(kDecryptFailed, errorOf([] { aeadAes256GcmDecrypt(kKey, kNonce, "", kSealed); }));
}

TEST(WxpayV3AeadTest, TamperedCiphertextOrTagFails) {
  std::string raw = base64Decode(kSealed).value();
  for (const std::size_t at : {std::size_t{0}, raw.size() / 2, raw.size() - 17, raw.size() - 16, raw.size() - 1}) {
    std::string tampered = raw;
    tampered[at] = static_cast<char>(tampered[at] ^ 0x01);
    EXPECT_EQ(kDecryptFailed, errorOf([&] { aeadAes256GcmDecrypt(kKey, kNonce, kAad, base64Encode(tampered)); }))
        << "byte " << at;
  }
  // Cut tag, cut ciphertext.
  EXPECT_EQ(kDecryptFailed,
            errorOf([&] { aeadAes256GcmDecrypt(kKey, kNonce, kAad, base64Encode(raw.substr(0, raw.size() - 1))); }));
  EXPECT_EQ(kDecryptFailed, errorOf([&] { aeadAes256GcmDecrypt(kKey, kNonce, kAad, base64Encode(raw.substr(1))); }));
}

TEST(WxpayV3AeadTest, MalformedInputs) {
  EXPECT_EQ("AEAD_AES_256_GCM ciphertext is not base64",
            errorOf([] { aeadAes256GcmDecrypt(kKey, kNonce, kAad, "###"); }));
  EXPECT_EQ("AEAD_AES_256_GCM ciphertext is shorter than its tag",
            errorOf([] { aeadAes256GcmDecrypt(kKey, kNonce, kAad, base64Encode(std::string(15, 'x'))); }));
  EXPECT_EQ("APIv3 key must be 32 bytes", errorOf([] { aeadAes256GcmDecrypt("short", kNonce, kAad, kSealed); }));
  EXPECT_EQ("APIv3 key must be 32 bytes", errorOf([] { aeadAes256GcmEncrypt(kKey + "x", kNonce, kAad, kPlain); }));
  EXPECT_EQ("AEAD_AES_256_GCM nonce must be 12 bytes",
            errorOf([] { aeadAes256GcmDecrypt(kKey, "fedcba98765", kAad, kSealed); }));
  EXPECT_EQ("AEAD_AES_256_GCM nonce must be 12 bytes", errorOf([] { aeadAes256GcmEncrypt(kKey, "", kAad, kPlain); }));
}

}  // namespace
}  // namespace paynext::core::payments::wxpay_v3
