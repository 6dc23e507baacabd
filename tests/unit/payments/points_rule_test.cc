#include "core/payments/points_rule.h"

#include <gtest/gtest.h>

#include "paynext/sdk/errors.h"

namespace paynext::core::payments {
namespace {

TEST(PointsRuleTest, EarnsForWholeYuanOnly) {
  EXPECT_EQ(24, pointsEarned(1299, 2));  // 12.99 yuan at 2 per yuan
  EXPECT_EQ(24, pointsEarned(1200, 2));
  EXPECT_EQ(26, pointsEarned(1300, 2));
  EXPECT_EQ(0, pointsEarned(99, 5));  // less than a yuan earns nothing
  EXPECT_EQ(1, pointsEarned(100, 1));
  EXPECT_EQ(0, pointsEarned(100000, 0));
  EXPECT_EQ(0, pointsEarned(0, 3));
  EXPECT_EQ(0, pointsEarned(-500, 3));
}

TEST(PointsRuleTest, LargestPaymentAtTheLargestRateDoesNotOverflow) {
  EXPECT_EQ(sdk::kMaxFen / 100 * kMaxPointsPerYuan, pointsEarned(sdk::kMaxFen, kMaxPointsPerYuan));
  EXPECT_GT(pointsEarned(sdk::kMaxFen, kMaxPointsPerYuan), 0);
}

TEST(PointsRuleTest, ParsesWholeNumbersInRange) {
  EXPECT_EQ(0, parsePointsPerYuan("0"));
  EXPECT_EQ(2, parsePointsPerYuan("2"));
  EXPECT_EQ(7, parsePointsPerYuan("007"));
  EXPECT_EQ(kMaxPointsPerYuan, parsePointsPerYuan("1000"));
  for (const char* bad : {"", "-1", "+2", " 2", "2 ", "2.0", "1.5", "abc", "1001", "99999999999999999999", "1e3"}) {
    EXPECT_FALSE(parsePointsPerYuan(bad)) << bad;
  }
}

TEST(PointsRuleTest, SettingABadRuleIsRefusedNamingTheValue) {
  try {
    checkPaymentSystemParam(kPointsPerYuanKey, "1.5");
    FAIL();
  } catch (const sdk::ParamError& e) {
    EXPECT_EQ("value", e.field());
    EXPECT_STREQ("系统参数 points.perYuan 应为 0 到 1000 的整数(每支付一元赠送的积分),现为 1.5", e.what());
  }
  EXPECT_THROW(checkPaymentSystemParam(kPointsPerYuanKey, "-2"), sdk::ParamError);
  EXPECT_NO_THROW(checkPaymentSystemParam(kPointsPerYuanKey, "2"));
  EXPECT_NO_THROW(checkPaymentSystemParam(kPointsPerYuanKey, "0"));
  // Other keys are the factory's own business.
  EXPECT_NO_THROW(checkPaymentSystemParam("points.perYuanX", "1.5"));
  EXPECT_NO_THROW(checkPaymentSystemParam("SMS_PRODUCT_NAME", "anything"));
}

}  // namespace
}  // namespace paynext::core::payments
