// The server's digests: its own (MD5, PBKDF2) and those it takes from the
// SDK, checked against known answers so the move changed no output.
#include "core/crypto/digest.h"

#include <gtest/gtest.h>

namespace paynext::core::crypto {
namespace {

TEST(DigestTest, KnownAnswers) {
  EXPECT_EQ("900150983cd24fb0d6963f7d28e17f72", md5Hex("abc"));
  EXPECT_EQ("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", sha256Hex("abc"));
  EXPECT_EQ("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            hmacSha256Hex("Jefe", "what do ya want for nothing?"));
  EXPECT_EQ(32u, hmacSha256Raw("Jefe", "what do ya want for nothing?").size());
  EXPECT_EQ("ABC0F", toUpper("abc0f"));
  // RFC 7914's PBKDF2-HMAC-SHA256 vectors, first 32 bytes.
  EXPECT_EQ("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc", pbkdf2Sha256Hex("passwd", "salt", 1));
  EXPECT_EQ("c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a",
            pbkdf2Sha256Hex("password", "salt", 4096));
}

TEST(DigestTest, RandomHexAndComparison) {
  EXPECT_EQ(64u, randomHex(32).size());
  EXPECT_NE(randomHex(16), randomHex(16));
  EXPECT_TRUE(constantTimeEquals("same", "same"));
  EXPECT_FALSE(constantTimeEquals("same", "sane"));
  EXPECT_FALSE(constantTimeEquals("same", "same!"));
}

}  // namespace
}  // namespace paynext::core::crypto
