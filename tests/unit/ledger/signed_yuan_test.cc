#include "core/ledger/signed_yuan.h"

#include <gtest/gtest.h>

namespace paynext::core::ledger {
namespace {

TEST(SignedYuanTest, ParsesExactlyWithTheSign) {
  EXPECT_EQ(1250, parseSignedYuan("+12.50"));
  EXPECT_EQ(1250, parseSignedYuan("+12.5"));
  EXPECT_EQ(-300, parseSignedYuan("-3"));
  EXPECT_EQ(1, parseSignedYuan("+0.01"));
  EXPECT_EQ(-1, parseSignedYuan("-0.01"));
  EXPECT_EQ(0, parseSignedYuan("+0"));  // well formed; the caller refuses zero
  EXPECT_EQ(-99999999999999999LL, parseSignedYuan("-999999999999999.99"));
}

TEST(SignedYuanTest, RefusesWhatParseYuanRefusesAndAMissingSign) {
  for (const char* bad : {"", "+", "-", "12.50", "3", "+-1", "--1", "++1", "+1.001", "-0.001", "+ 1", " +1", "+1 ",
                          "+1,00", "+abc", "+1e3", "+.5", "+5.", "+1234567890123456", "-"}) {
    EXPECT_FALSE(parseSignedYuan(bad)) << bad;
  }
}

}  // namespace
}  // namespace paynext::core::ledger
