#include "plugins/imagetrade/settings.h"

#include "imagetrade_test_support.h"

namespace paynext::plugins::imagetrade::test {
namespace {

TEST(ImageTradeSettings, CommissionIsRoundedDownSoTheSellerGetsTheOddFen) {
  Settings s;
  s.commissionPercent = 10;
  EXPECT_EQ(s.commissionOf(1234), 123);  // 123.4
  EXPECT_EQ(s.commissionOf(9), 0);       // 0.9
  EXPECT_EQ(s.commissionOf(1000), 100);
  s.commissionPercent = 33;
  EXPECT_EQ(s.commissionOf(1), 0);
  EXPECT_EQ(s.commissionOf(kPriceCeiling), kPriceCeiling / 100 * 33);  // no overflow at the ceiling
  s.commissionPercent = 100;
  EXPECT_EQ(s.commissionOf(77), 77);
}

TEST(ImageTradeSettings, BoundsAreInclusive) {
  const Settings s{100, 200, 0};
  EXPECT_FALSE(s.allows(99));
  EXPECT_TRUE(s.allows(100));
  EXPECT_TRUE(s.allows(200));
  EXPECT_FALSE(s.allows(201));
  EXPECT_EQ(s.boundsText(), "价格应在 1.00 到 2.00 元之间");
}

TEST(ImageTradeSettings, ReadsNumbersOrNumericStrings) {
  const auto s = settingsFromJson(*sdk::testing::Harness::json(R"({"minPrice":"0.5","maxPrice":20,"commissionPercent":"7"})"));
  EXPECT_EQ(s.minPrice, 50);
  EXPECT_EQ(s.maxPrice, 2000);
  EXPECT_EQ(s.commissionPercent, 7);
  EXPECT_EQ(refusal([] { settingsFromJson(*sdk::testing::Harness::json(
                            R"({"minPrice":1,"maxPrice":"100000000.01","commissionPercent":0})")); }),
            Refusal(300, "参数 maxPrice 格式错误,应为不小于 minPrice、不超过 100000000 元的金额"));
  EXPECT_EQ(refusal([] { settingsFromJson(*sdk::testing::Harness::json(
                            R"({"minPrice":1,"maxPrice":2,"commissionPercent":"x"})")); }),
            Refusal(300, "参数 commissionPercent 格式错误,应为整数"));
}

}  // namespace
}  // namespace paynext::plugins::imagetrade::test
