#include "paynext/sdk/money.h"

#include <gtest/gtest.h>

namespace paynext::sdk {
namespace {

TEST(MoneyTest, ParsesYuanExactly) {
  EXPECT_EQ(1, parseYuan("0.01"));
  EXPECT_EQ(10, parseYuan("0.1"));
  EXPECT_EQ(1250, parseYuan("12.5"));
  EXPECT_EQ(1200, parseYuan("12"));
  EXPECT_EQ(1999, parseYuan("19.99"));
  EXPECT_EQ(0, parseYuan("0"));
  EXPECT_EQ(99999999999999900LL, parseYuan("999999999999999"));
}

TEST(MoneyTest, RefusesWhatIsNotAnExactAmount) {
  for (const char* bad : {"", "-1", "+1", "0.001", "1.", ".5", "1e2", "abc", "1,00", " 1", "1 ", "0x10",
                          "1000000000000000"}) {
    EXPECT_FALSE(parseYuan(std::string(bad))) << bad;
  }
}

TEST(MoneyTest, ParsesJsonNumbersByTheirShortestText) {
  EXPECT_EQ(1, parseYuan(0.01));
  EXPECT_EQ(29, parseYuan(0.29));  // 0.29 * 100 is 28.999999999999996 in binary
  EXPECT_EQ(1999, parseYuan(19.99));
  EXPECT_FALSE(parseYuan(0.015));
  EXPECT_FALSE(parseYuan(-1.0));
}

TEST(MoneyTest, FormatsYuan) {
  EXPECT_EQ("0.01", formatYuan(1));
  EXPECT_EQ("12.50", formatYuan(1250));
  EXPECT_EQ("-2.50", formatYuan(-250));
  EXPECT_EQ("0.00", formatYuan(0));
}

}  // namespace
}  // namespace paynext::sdk
