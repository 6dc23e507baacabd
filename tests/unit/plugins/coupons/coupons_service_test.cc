#include "plugins/coupons/coupons_service.h"

#include "coupons_test_support.h"

namespace paynext::plugins::coupons::test {
namespace {

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;

// The service called directly, in the harness's scope, as another module's step would.
class CouponsServiceTest : public CouponsTest {
 protected:
  void SetUp() override {
    reduce_ = claim(addRule());  // 满100减10, 7 days
    discount_ = claim(addRule(R"("name":"八五折","kind":"discount","rate":85,"validDays":30,"stock":5)"));
  }
  std::vector<std::int64_t> ids(std::initializer_list<std::int64_t> list) { return list; }

  CouponsServiceImpl service_;
  std::int64_t reduce_ = 0, discount_ = 0;
};

TEST_F(CouponsServiceTest, UsableListsTheUsersCouponsForTheAmount) {
  auto scope = h.scope();
  auto all = service_.usable(scope, 1, 0);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, discount_);  // newest first
  EXPECT_EQ(all[0].name, "八五折");
  EXPECT_EQ(all[0].money, 0);  // a 折扣's worth needs an amount
  EXPECT_EQ(all[0].expiresAt, h.clock().now + 30 * kDayMs);
  EXPECT_EQ(all[1].money, 1000);
  EXPECT_EQ(all[1].minAmount, 10000);
  // Below the 满减 threshold only the 折扣 is usable; 15% of 99.99 rounds up to 15.00.
  auto small = service_.usable(scope, 1, 9999);
  ASSERT_EQ(small.size(), 1u);
  EXPECT_EQ(small[0].money, 1500);
  EXPECT_EQ(service_.usable(scope, 1, 10000).size(), 2u);
  // Another user's coupons are not listed; expired ones neither.
  EXPECT_TRUE(service_.usable(scope, 2, 0).empty());
  h.clock().advance(8 * kDayMs);
  auto later = h.scope();
  ASSERT_EQ(service_.usable(later, 1, 0).size(), 1u);
}

TEST_F(CouponsServiceTest, QuoteAppliesCouponsInOrderInThePayersFavour) {
  auto scope = h.scope();
  auto q = service_.quote(scope, 1, ids({reduce_}), 12345);
  EXPECT_EQ(q.amount, 12345);
  EXPECT_EQ(q.discount, 1000);
  EXPECT_EQ(q.payable, 11345);
  EXPECT_EQ(q.couponIds, ids({reduce_}));
  // 15% of 123.45 is 18.5175: 18.52 off.
  q = service_.quote(scope, 1, ids({discount_}), 12345);
  EXPECT_EQ(q.discount, 1852);
  // Then the 折扣 on what the 满减 left: 113.45 * 15% = 17.0175 -> 17.02.
  q = service_.quote(scope, 1, ids({reduce_, discount_}), 12345);
  EXPECT_EQ(q.discount, 1000 + 1702);
  EXPECT_EQ(q.payable, 12345 - 2702);
  EXPECT_EQ(service_.quote(scope, 1, {}, 500).payable, 500);
  EXPECT_EQ(service_.quote(scope, 1, ids({discount_}), 1).discount, 1);  // never more than the amount
  EXPECT_EQ(service_.quote(scope, 1, ids({discount_}), 0).discount, 0);
  EXPECT_EQ(issued().size(), 2u);
  for (const auto& row : issued()) EXPECT_NE(row.find("/USABLE/"), std::string::npos) << row;
}

TEST_F(CouponsServiceTest, AReduceCouponNeverTakesMoreThanTheAmount) {
  const auto big = claim(addRule(R"("name":"无门槛50","kind":"reduce","money":5000,"validDays":1,"stock":1)"));
  auto scope = h.scope();
  const auto q = service_.quote(scope, 1, ids({big}), 3000);
  EXPECT_EQ(q.discount, 3000);
  EXPECT_EQ(q.payable, 0);
}

TEST_F(CouponsServiceTest, QuoteRefusesWithTheCouponCodes) {
  auto scope = h.scope();
  EXPECT_EQ(refusal([&] { service_.quote(scope, 1, ids({99}), 100); }), Refusal(20001, "优惠券 99 不存在"));
  EXPECT_EQ(refusal([&] { service_.quote(scope, 2, ids({reduce_}), 20000); }),
            Refusal(20001, "优惠券 " + std::to_string(reduce_) + " 不存在"));
  EXPECT_EQ(refusal([&] { service_.quote(scope, 1, ids({reduce_}), 9999); }),
            Refusal(20004, "优惠券 " + std::to_string(reduce_) + " 需满 100.00 元可用"));
  EXPECT_EQ(refusal([&] { service_.quote(scope, 1, ids({reduce_, reduce_}), 20000); }),
            Refusal(300, "优惠券 " + std::to_string(reduce_) + " 重复"));
  EXPECT_EQ(refusal([&] { service_.quote(scope, 1, ids({reduce_}), -1); }), Refusal(300, "金额无效"));
  service_.redeem(scope, 1, ids({reduce_}), 20000, "order:1");
  EXPECT_EQ(refusal([&] { service_.quote(scope, 1, ids({reduce_}), 20000); }),
            Refusal(20002, "优惠券 " + std::to_string(reduce_) + " 已使用"));
  h.clock().advance(31 * kDayMs);
  auto later = h.scope();
  EXPECT_EQ(refusal([&] { service_.quote(later, 1, ids({discount_}), 100); }),
            Refusal(20003, "优惠券 " + std::to_string(discount_) + " 已过期"));
  // Another factory sees none of them.
  h.setFactory(2);
  h.clock().advance(-31 * kDayMs);
  auto other = h.scope();
  EXPECT_EQ(refusal([&] { service_.quote(other, 1, ids({discount_}), 100); }),
            Refusal(20001, "优惠券 " + std::to_string(discount_) + " 不存在"));
}

TEST_F(CouponsServiceTest, ACouponOfADatedRuleIsNotUsableBeforeItStarts) {
  const auto later = claim(addRule(R"("name":"元旦","kind":"reduce","money":100,"dateStart":"2024-01-01",)"
                                   R"("dateEnd":"2024-01-03","stock":1)"));
  auto scope = h.scope();
  EXPECT_EQ(refusal([&] { service_.quote(scope, 1, ids({later}), 100); }),
            Refusal(20004, "优惠券 " + std::to_string(later) + " 尚未生效"));
  EXPECT_EQ(service_.usable(scope, 1, 0).size(), 2u);
}

TEST_F(CouponsServiceTest, RedeemIsIdempotentByReference) {
  auto scope = h.scope();
  const auto first = service_.redeem(scope, 1, ids({reduce_, discount_}), 20000, "order:7");
  EXPECT_EQ(first.discount, 1000 + 2850);
  EXPECT_EQ(first.payable, 20000 - 3850);
  EXPECT_EQ(issued(), (std::vector<std::string>{"1/1/1/USED/coupons:PNSTEP1-0/order:7",
                                                "1/2/1/USED/coupons:PNSTEP2-0/order:7"}));
  // The same reference answers the first quote, whatever it is asked now.
  const auto again = service_.redeem(scope, 1, ids({reduce_}), 50000, "order:7");
  EXPECT_EQ(again.amount, 20000);
  EXPECT_EQ(again.discount, first.discount);
  EXPECT_EQ(again.payable, first.payable);
  EXPECT_EQ(again.couponIds, ids({reduce_, discount_}));
  EXPECT_EQ(count("coupons_redemptions"), 1);
  // Another reference cannot use them again.
  EXPECT_EQ(refusal([&] { service_.redeem(scope, 1, ids({discount_}), 20000, "order:8"); }),
            Refusal(20002, "优惠券 " + std::to_string(discount_) + " 已使用"));
  EXPECT_EQ(refusal([&] { service_.redeem(scope, 1, ids({discount_}), 20000, ""); }),
            Refusal(300, "核销优惠券需要 reference"));
  EXPECT_EQ(count("coupons_redemptions"), 1);
}

TEST_F(CouponsServiceTest, ReleaseGivesBackWhatTheReferenceRedeemed) {
  auto scope = h.scope();
  service_.redeem(scope, 1, ids({reduce_}), 20000, "order:7");
  service_.redeem(scope, 1, ids({discount_}), 20000, "order:8");
  EXPECT_TRUE(service_.release(scope, "order:7"));
  EXPECT_FALSE(service_.release(scope, "order:7"));
  EXPECT_FALSE(service_.release(scope, "order:99"));
  EXPECT_EQ(issued(), (std::vector<std::string>{"1/1/1/USABLE/coupons:PNSTEP1-0/",
                                                "1/2/1/USED/coupons:PNSTEP2-0/order:8"}));
  EXPECT_EQ(count("coupons_redemptions"), 1);
  // Released, the coupon may be redeemed again.
  EXPECT_EQ(service_.redeem(scope, 1, ids({reduce_}), 20000, "order:9").discount, 1000);
  // Another factory's reference of the same name releases nothing here.
  h.setFactory(2);
  auto other = h.scope();
  EXPECT_FALSE(service_.release(other, "order:8"));
  EXPECT_EQ(issued()[1], "1/2/1/USED/coupons:PNSTEP2-0/order:8");
}

TEST_F(CouponsServiceTest, ARefusedRedeemInTheCallersTransactionLeavesNothing) {
  // The second coupon is short of its threshold: the caller's step fails and rolls back.
  h.session().begin();
  auto scope = h.scope();
  EXPECT_EQ(refusal([&] { service_.redeem(scope, 1, ids({discount_, reduce_}), 5000, "order:1"); }).first, 20004);
  h.session().rollback();
  EXPECT_EQ(count("coupons_redemptions"), 0);
  for (const auto& row : issued()) EXPECT_NE(row.find("/USABLE/"), std::string::npos) << row;
}

}  // namespace
}  // namespace paynext::plugins::coupons::test
