#include "plugins/coupons/discount.h"

#include <gtest/gtest.h>

namespace paynext::plugins::coupons::test {
namespace {

TEST(Discount, ReduceTakesItsMoneyButNeverMoreThanTheAmount) {
  const CouponTerms terms{"减10", kReduce, 1000, 0, 0};
  EXPECT_EQ(discountOf(terms, 12345), 1000);
  EXPECT_EQ(discountOf(terms, 1000), 1000);
  EXPECT_EQ(discountOf(terms, 999), 999);
  EXPECT_EQ(discountOf(terms, 0), 0);
}

TEST(Discount, DiscountRoundsInThePayersFavour) {
  const CouponTerms terms{"八五折", kDiscount, 0, 85, 0};
  EXPECT_EQ(discountOf(terms, 10000), 1500);
  EXPECT_EQ(discountOf(terms, 12345), 1852);  // 1851.75 -> 1852 off
  EXPECT_EQ(discountOf(terms, 1), 1);         // 0.15 -> 1 off
  EXPECT_EQ(discountOf(terms, 0), 0);
  const CouponTerms ninetyNine{"九九折", kDiscount, 0, 99, 0};
  EXPECT_EQ(discountOf(ninetyNine, 101), 2);
  const CouponTerms one{"一折", kDiscount, 0, 1, 0};
  EXPECT_EQ(discountOf(one, 100), 99);
}

}  // namespace
}  // namespace paynext::plugins::coupons::test
