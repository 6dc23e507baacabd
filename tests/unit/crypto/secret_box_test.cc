#include "core/crypto/secret_box.h"

#include <gtest/gtest.h>

namespace paynext::core::crypto {
namespace {

// base64 of 32 bytes each.
const std::string kKeyA = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
const std::string kKeyB = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";
const std::string kSecret = R"({"appId":"wx1","apiKey":"192006250b4c09247ec02edce69f6a2d"})";

TEST(SecretBox, SealedValuesOpenAndShowNothingOfTheSecret) {
  SecretBox box({kKeyA});
  const std::string sealed = box.seal(kSecret);
  EXPECT_EQ(0u, sealed.rfind("enc:v1:", 0)) << sealed;
  EXPECT_EQ(std::string::npos, sealed.find("192006250b4c"));
  EXPECT_EQ(kSecret, box.open(sealed));
  EXPECT_NE(sealed, box.seal(kSecret)) << "a fresh nonce each time";
  EXPECT_TRUE(box.current(sealed));
}

TEST(SecretBox, PlainValuesFromBeforeAKeyAreReadAndNeedResealing) {
  SecretBox box({kKeyA});
  EXPECT_EQ(kSecret, box.open(kSecret));
  EXPECT_FALSE(box.current(kSecret));
  SecretBox none;
  EXPECT_FALSE(none.enabled());
  EXPECT_EQ(kSecret, none.seal(kSecret));
  EXPECT_TRUE(none.current(kSecret));
}

TEST(SecretBox, ARotatedOutKeyStillOpensWhatItSealedUntilResealed) {
  const std::string old = SecretBox({kKeyA}).seal(kSecret);
  SecretBox rotated({kKeyB, kKeyA});
  EXPECT_EQ(kSecret, rotated.open(old));
  EXPECT_FALSE(rotated.current(old));
  const std::string resealed = rotated.seal(rotated.open(old));
  EXPECT_TRUE(rotated.current(resealed));
  EXPECT_EQ(kSecret, SecretBox({kKeyB}).open(resealed));
}

TEST(SecretBox, AnUnknownKeyOrAnAlteredValueIsRefused) {
  const std::string sealed = SecretBox({kKeyA}).seal(kSecret);
  try {
    SecretBox({kKeyB}).open(sealed);
    FAIL() << "opened with another key";
  } catch (const SecretError& e) {
    EXPECT_NE(std::string::npos, std::string(e.what()).find("which is not configured (secrets.key)")) << e.what();
  }
  std::string altered = sealed;
  altered[altered.size() - 6] = altered[altered.size() - 6] == 'A' ? 'B' : 'A';
  EXPECT_THROW(SecretBox({kKeyA}).open(altered), SecretError);
  EXPECT_THROW(SecretBox({kKeyA}).open("enc:v1:nocolon"), SecretError);
}

TEST(SecretBox, KeysMustBe32BytesOfBase64) {
  EXPECT_THROW(SecretBox({"c2hvcnQ="}), std::invalid_argument);
  EXPECT_THROW(SecretBox({"not base64 at all!"}), std::invalid_argument);
}

}  // namespace
}  // namespace paynext::core::crypto
