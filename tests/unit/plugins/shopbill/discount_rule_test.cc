#include "plugins/shopbill/discount_rule.h"

#include <gtest/gtest.h>

namespace paynext::plugins::shopbill::test {
namespace {

constexpr std::int64_t kNow = 1700000000000;

DiscountRule rule(int percentOff, std::vector<Tier> tiers = {}, std::int64_t start = 0, std::int64_t end = 0) {
  return DiscountRule{percentOff, std::move(tiers), start, end};
}

sdk::Fen due(const DiscountRule& r, sdk::Fen bill) { return quoteBill(r, bill, kNow).due; }

TEST(DiscountRuleTest, NoRuleLeavesTheBillDue) {
  const auto q = quoteBill(rule(0), 12345, kNow);
  EXPECT_EQ(q.bill, 12345);
  EXPECT_EQ(q.due, 12345);
  EXPECT_EQ(q.tierOff, 0);
  EXPECT_EQ(q.percentOff, 0);
  EXPECT_EQ(q.discount(), 0);
  EXPECT_TRUE(q.active);
}

TEST(DiscountRuleTest, TheLargestTierTheBillReachesApplies) {
  const auto r = rule(0, {{10000, 1000}, {20000, 2500}, {50000, 8000}});
  EXPECT_EQ(due(r, 9999), 9999);    // under every threshold
  EXPECT_EQ(due(r, 10000), 9000);   // exactly the first threshold
  EXPECT_EQ(due(r, 19999), 18999);  // one fen under the second
  EXPECT_EQ(due(r, 20000), 17500);
  EXPECT_EQ(due(r, 49999), 47499);
  EXPECT_EQ(due(r, 50000), 42000);
  EXPECT_EQ(due(r, 1000000), 992000);  // tiers never stack
  const auto q = quoteBill(r, 25000, kNow);
  EXPECT_EQ(q.tierOff, 2500);
  EXPECT_EQ(q.percentOff, 0);
  EXPECT_EQ(q.discount(), 2500);
}

TEST(DiscountRuleTest, TiersApplyByThresholdWhateverTheirOrder) {
  const auto r = rule(0, {{50000, 8000}, {10000, 1000}, {20000, 2500}});
  EXPECT_EQ(due(r, 25000), 22500);
  EXPECT_EQ(due(r, 60000), 52000);
  // The largest threshold reached counts, even when a smaller one takes more off.
  EXPECT_EQ(due(rule(0, {{10000, 3000}, {20000, 1000}}), 20000), 19000);
}

TEST(DiscountRuleTest, PercentageRoundsTheDiscountUpToTheFen) {
  EXPECT_EQ(due(rule(10), 10000), 9000);  // exact
  EXPECT_EQ(due(rule(10), 1), 0);         // 0.1 fen off becomes 1 fen: the payer pays nothing
  EXPECT_EQ(due(rule(10), 11), 9);        // 1.1 off -> 2
  EXPECT_EQ(due(rule(10), 19), 17);       // 1.9 off -> 2
  EXPECT_EQ(due(rule(10), 20), 18);       // 2.0 off exactly
  EXPECT_EQ(due(rule(12), 999), 879);     // 119.88 off -> 120
  EXPECT_EQ(due(rule(5), 333), 316);      // 16.65 off -> 17
  EXPECT_EQ(due(rule(1), 1), 0);
  EXPECT_EQ(due(rule(99), 101), 1);  // 99.99 off -> 100
  const auto q = quoteBill(rule(12), 999, kNow);
  EXPECT_EQ(q.percentOff, 120);
  EXPECT_EQ(q.discount(), 120);
}

TEST(DiscountRuleTest, HundredPercentAndZeroPercent) {
  EXPECT_EQ(due(rule(100), 12345), 0);
  EXPECT_EQ(quoteBill(rule(100), 12345, kNow).discount(), 12345);
  EXPECT_EQ(due(rule(0), 1), 1);
}

TEST(DiscountRuleTest, TiersFirstThenThePercentageOfWhatIsLeft) {
  const auto r = rule(10, {{10000, 1000}, {20000, 3000}});
  // 200.00 - 30.00 = 170.00, then 10% = 17.00 -> 153.00.
  auto q = quoteBill(r, 20000, kNow);
  EXPECT_EQ(q.tierOff, 3000);
  EXPECT_EQ(q.percentOff, 1700);
  EXPECT_EQ(q.due, 15300);
  EXPECT_EQ(q.discount(), 4700);
  // 100.01 - 10.00 = 90.01, 10% = 9.001 -> 9.01 off: 81.00.
  q = quoteBill(r, 10001, kNow);
  EXPECT_EQ(q.percentOff, 901);
  EXPECT_EQ(q.due, 8100);
  // Under every tier, only the percentage.
  EXPECT_EQ(due(r, 9999), 8999);  // 999.9 off -> 1000
}

TEST(DiscountRuleTest, NeverBelowZero) {
  // A tier taking the whole threshold leaves nothing, and the percentage nothing to take.
  const auto q = quoteBill(rule(50, {{1000, 1000}}), 1000, kNow);
  EXPECT_EQ(q.tierOff, 1000);
  EXPECT_EQ(q.percentOff, 0);
  EXPECT_EQ(q.due, 0);
  EXPECT_EQ(q.discount(), 1000);
  // A bill of zero stays zero.
  EXPECT_EQ(due(rule(50, {{1, 1}}), 0), 0);
  // A tier cannot take more than the bill even if it were stored that way.
  EXPECT_EQ(due(rule(0, {{100, 500}}), 100), 0);
}

TEST(DiscountRuleTest, OutsideItsDatesTheRuleGivesNothing) {
  const auto r = rule(10, {{100, 50}}, kNow - 1000, kNow + 1000);
  EXPECT_TRUE(quoteBill(r, 1000, kNow).active);
  EXPECT_EQ(quoteBill(r, 1000, kNow - 1000).due, 855);  // first ms counts
  EXPECT_EQ(quoteBill(r, 1000, kNow + 1000).due, 855);  // last ms counts
  auto q = quoteBill(r, 1000, kNow - 1001);
  EXPECT_FALSE(q.active);
  EXPECT_EQ(q.due, 1000);
  EXPECT_EQ(q.discount(), 0);
  q = quoteBill(r, 1000, kNow + 1001);
  EXPECT_FALSE(q.active);
  EXPECT_EQ(q.due, 1000);
  // Open-ended on either side.
  EXPECT_EQ(quoteBill(rule(10, {}, 0, kNow), 1000, 0).due, 900);
  EXPECT_EQ(quoteBill(rule(10, {}, kNow, 0), 1000, kNow * 2).due, 900);
}

TEST(DiscountRuleTest, LargeBillsStayExact) {
  EXPECT_EQ(due(rule(33), sdk::kMaxFen), sdk::kMaxFen - (sdk::kMaxFen * 33 + 99) / 100);
  EXPECT_EQ(due(rule(1), 10000000), 9900000);
  EXPECT_EQ(due(rule(100), sdk::kMaxFen), 0);
  EXPECT_EQ(due(rule(99), sdk::kMaxFen + 1), sdk::kMaxFen / 100);  // 99.99... off -> rounded up
}

TEST(DiscountRuleTest, TiersRoundTripThroughTheirStoredText) {
  const std::vector<Tier> tiers{{10000, 1000}, {20000, 2500}};
  EXPECT_EQ(encodeTiers(tiers), "10000:1000,20000:2500");
  EXPECT_EQ(decodeTiers("10000:1000,20000:2500"), tiers);
  EXPECT_EQ(encodeTiers({}), "");
  EXPECT_TRUE(decodeTiers("").empty());
}

}  // namespace
}  // namespace paynext::plugins::shopbill::test
