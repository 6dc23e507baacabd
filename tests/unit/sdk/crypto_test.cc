// Known answers (FIPS 180-2, RFC 4231), so a partner computing the same MAC
// with any other library agrees with a module that uses these.
#include "paynext/sdk/crypto.h"

#include <set>

#include <gtest/gtest.h>

namespace paynext::sdk::crypto {
namespace {

TEST(CryptoTest, Sha256AndHmacMatchKnownAnswers) {
  EXPECT_EQ("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", sha256Hex("abc"));
  EXPECT_EQ("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            hmacSha256Hex("Jefe", "what do ya want for nothing?"));
  const std::string raw = hmacSha256Raw("Jefe", "what do ya want for nothing?");
  ASSERT_EQ(32u, raw.size());
  EXPECT_EQ(0x5b, static_cast<unsigned char>(raw[0]));
  EXPECT_EQ(0x43, static_cast<unsigned char>(raw[31]));
}

TEST(CryptoTest, RandomHexHasTheLengthAndDiffers) {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    const std::string token = randomHex(16);
    ASSERT_EQ(32u, token.size());
    EXPECT_EQ(std::string::npos, token.find_first_not_of("0123456789abcdef"));
    seen.insert(token);
  }
  EXPECT_EQ(50u, seen.size());
  EXPECT_EQ("", randomHex(0));
}

TEST(CryptoTest, ConstantTimeEqualsComparesWholeStrings) {
  EXPECT_TRUE(constantTimeEquals("", ""));
  EXPECT_TRUE(constantTimeEquals("abc123", "abc123"));
  EXPECT_FALSE(constantTimeEquals("abc123", "abc124"));
  EXPECT_FALSE(constantTimeEquals("abc", "abc1"));
  EXPECT_FALSE(constantTimeEquals(std::string("a\0b", 3), std::string("a\0c", 3)));
}

}  // namespace
}  // namespace paynext::sdk::crypto
