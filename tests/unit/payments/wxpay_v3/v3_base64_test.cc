#include "core/payments/wxpay_v3/v3_base64.h"

#include <gtest/gtest.h>

namespace paynext::core::payments::wxpay_v3 {
namespace {

TEST(WxpayV3Base64Test, EncodesOnOneLine) {
  EXPECT_EQ("", base64Encode(""));
  EXPECT_EQ("Zm9vYmE=", base64Encode("fooba"));
  EXPECT_EQ(std::string(136, 'A'), base64Encode(std::string(102, '\0')));  // no line break at 72
}

TEST(WxpayV3Base64Test, DecodesOnlyCanonicalText) {
  EXPECT_EQ("fooba", base64Decode("Zm9vYmE=").value());
  EXPECT_EQ("", base64Decode("").value());
  EXPECT_FALSE(base64Decode("Zm9vYmE"));     // padding missing
  EXPECT_FALSE(base64Decode("Zm9v\nYmE="));  // line break
  EXPECT_FALSE(base64Decode("Zm9vYmF="));    // non-zero trailing bits
  EXPECT_FALSE(base64Decode("Zm9v*mE="));    // not in the alphabet
  EXPECT_FALSE(base64Decode("Zm9vYm-_"));    // the URL alphabet
}

}  // namespace
}  // namespace paynext::core::payments::wxpay_v3
