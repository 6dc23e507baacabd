#include "plugins/membership/buy_membership_handler.h"

#include "membership_test_support.h"

namespace paynext::plugins::membership::test {
namespace {

constexpr std::int64_t kDay = 86400000;

class BuyMembershipHandlerTest : public MembershipTest {
 protected:
  void SetUp() override {
    gold_ = addLevel("黄金会员");      // level 1
    silver_ = addLevel("白银会员");    // level 2
    monthly_ = addPrice(gold_, 30, "19.90", true);     // price 1
    silverYear_ = addPrice(silver_, 365, "99", false);  // price 2
    h.ledger().balance_ = 100000;
  }
  std::int64_t gold_ = 0, silver_ = 0, monthly_ = 0, silverYear_ = 0;
};

TEST_F(BuyMembershipHandlerTest, ValidateReturnsTheAdminsPriceNotThePayments) {
  EXPECT_EQ(h.validate(6, buy(monthly_)), 1990);
  EXPECT_EQ(h.validate(6, R"({"userLevelPriceId":"1","isAutoRenew":"true","remark":"首月"})"), 1990);
  EXPECT_EQ(h.validate(6, R"({"userLevelPriceId":2,"isAutoRenew":"false","money":"0.01"})"), 9900);
  EXPECT_EQ(h.validate(6, R"({"userLevelPriceId":2})"), 9900);  // isAutoRenew left out: false
  EXPECT_EQ(count("membership_members") + count("membership_purchases"), 0);
}

TEST_F(BuyMembershipHandlerTest, ValidateRefusesBadParamsNamingTheField) {
  EXPECT_EQ(refusal([&] { h.validate(6, "{}"); }), Refusal(300, "缺少参数 userLevelPriceId"));
  EXPECT_EQ(refusal([&] { h.validate(6, R"({"userLevelPriceId":"gold"})"); }),
            Refusal(300, "参数 userLevelPriceId 格式错误,应为整数"));
  EXPECT_EQ(refusal([&] { h.validate(6, R"({"userLevelPriceId":0})"); }),
            Refusal(300, "参数 userLevelPriceId 格式错误,应为正整数"));
  EXPECT_EQ(refusal([&] { h.validate(6, R"({"userLevelPriceId":1,"isAutoRenew":"yes"})"); }),
            Refusal(300, "参数 isAutoRenew 格式错误,应为true 或 false"));
  EXPECT_EQ(refusal([&] { h.validate(6, R"({"userLevelPriceId":1,"remark":")" + std::string(256, 'x') + "\"}"); }),
            Refusal(300, "参数 remark 不能超过 255 字节"));
  EXPECT_EQ(count("membership_members") + count("membership_purchases"), 0);
}

TEST_F(BuyMembershipHandlerTest, ValidateRefusesWhatCannotBeBoughtNow) {
  const auto bronze = addLevel("青铜会员");  // level 3: no price item has id 3
  EXPECT_EQ(refusal([&] { h.validate(6, buy(bronze)); }),
            Refusal(300, "userLevelPriceId 应为会员等级的价格项编号,不是等级编号"));
  EXPECT_EQ(refusal([&] { h.validate(6, buy(99)); }), Refusal(700, "会员价格项 99 不存在"));
  EXPECT_EQ(refusal([&] { h.validate(6, buy(silverYear_, true)); }),
            Refusal(300, "会员价格项 2 不支持自动续费"));
  h.callAs(sdk::Audience::Admin, "PUT", "/prices", R"({"id":1,"levelId":1,"days":30,"price":"19.90","enabled":false})");
  EXPECT_EQ(refusal([&] { h.validate(6, buy(monthly_)); }), Refusal(300, "会员价格项 1 已停用"));
  // Another factory's price items are not this one's.
  h.setFactory(2);
  EXPECT_EQ(refusal([&] { h.validate(6, buy(silverYear_)); }), Refusal(700, "会员价格项 2 不存在"));
  h.setFactory(1);
  EXPECT_EQ(count("membership_members") + count("membership_purchases"), 0);
}

TEST_F(BuyMembershipHandlerTest, ExecuteDebitsThePriceAndSetsTheLevel) {
  const auto now = h.clock().now;
  const auto r = h.execute(6, R"({"userLevelPriceId":1,"isAutoRenew":true,"remark":"首月"})", "PN1-0");
  ASSERT_EQ(r.status, Status::Done) << r.reason;
  EXPECT_EQ(h.ledger().balance_, 100000 - 1990);
  ASSERT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(h.ledger().entries[0].reason, "购买会员");
  EXPECT_EQ(h.ledger().entries[0].reference, "membership:PN1-0");
  EXPECT_EQ(members(), std::vector<std::string>{member(1, gold_, monthly_, now + 30 * kDay, true)});
  EXPECT_EQ(r.result->getValue<Poco::Int64>("expiresAt"), now + 30 * kDay);
  const auto purchase = array(h.callAs(sdk::Audience::Admin, "GET", "/purchases", "{}"))->getObject(0);
  EXPECT_EQ(purchase->getValue<std::string>("remark"), "首月");
  EXPECT_EQ(purchase->getValue<double>("amount"), 19.9);
  EXPECT_EQ(purchase->getValue<std::string>("reference"), "membership:PN1-0");
}

TEST_F(BuyMembershipHandlerTest, TheSameLevelExtendsFromTheCurrentExpiry) {
  const auto now = h.clock().now;
  ASSERT_EQ(h.execute(6, buy(monthly_)).status, Status::Done);
  h.clock().advance(10 * kDay);
  ASSERT_EQ(h.execute(6, buy(monthly_, true)).status, Status::Done);
  EXPECT_EQ(members(), std::vector<std::string>{member(1, gold_, monthly_, now + 60 * kDay, true)});
  EXPECT_EQ(h.ledger().balance_, 100000 - 2 * 1990);
}

TEST_F(BuyMembershipHandlerTest, AnotherLevelReplacesTheCurrentOneFromNow) {
  ASSERT_EQ(h.execute(6, buy(monthly_, true)).status, Status::Done);
  h.clock().advance(10 * kDay);
  ASSERT_EQ(h.execute(6, buy(silverYear_)).status, Status::Done);
  EXPECT_EQ(members(), std::vector<std::string>{member(1, silver_, silverYear_, h.clock().now + 365 * kDay, false)});
}

TEST_F(BuyMembershipHandlerTest, AnExpiredLevelStartsAgainFromNow) {
  ASSERT_EQ(h.execute(6, buy(monthly_)).status, Status::Done);
  h.clock().advance(45 * kDay);
  ASSERT_EQ(h.execute(6, buy(monthly_)).status, Status::Done);
  EXPECT_EQ(members(), std::vector<std::string>{member(1, gold_, monthly_, h.clock().now + 30 * kDay, false)});
}

TEST_F(BuyMembershipHandlerTest, ARepeatedStepChangesNothing) {
  const auto run = h.newPayment();
  ASSERT_EQ(h.execute(6, buy(monthly_), run).status, Status::Done);
  const auto before = members();
  h.clock().advance(kDay);
  const auto again = h.execute(6, buy(monthly_), run);
  ASSERT_EQ(again.status, Status::Done);
  EXPECT_EQ(members(), before);
  EXPECT_EQ(h.ledger().balance_, 100000 - 1990);
  EXPECT_EQ(count("membership_purchases"), 1);
}

TEST_F(BuyMembershipHandlerTest, FailsCleanlyWhenTheWalletIsShort) {
  h.ledger().balance_ = 1989;
  const auto r = h.execute(6, buy(monthly_));
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "余额不足,无法支付会员费 19.90 元");
  EXPECT_EQ(h.ledger().balance_, 1989);
  EXPECT_TRUE(h.ledger().entries.empty());
  EXPECT_EQ(count("membership_members") + count("membership_purchases"), 0);
}

TEST_F(BuyMembershipHandlerTest, FailsCleanlyWhenThePriceItemChangedMeanwhile) {
  ASSERT_EQ(h.callAs(sdk::Audience::Admin, "PUT", "/prices",
                     R"({"id":1,"levelId":1,"days":30,"price":"19.90","autoRenew":false})")
                .code,
            0);
  auto r = h.execute(6, buy(monthly_, true));
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "会员价格项 1 不支持自动续费");
  h.callAs(sdk::Audience::Admin, "PUT", "/prices", R"({"id":2,"levelId":2,"days":365,"price":99,"enabled":false})");
  r = h.execute(6, buy(silverYear_));
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "会员价格项 2 已停用");
  EXPECT_EQ(h.ledger().balance_, 100000);
  EXPECT_EQ(count("membership_members") + count("membership_purchases"), 0);
}

TEST_F(BuyMembershipHandlerTest, PostgresqlMigrationsRun) {
  if (!h.checkPostgresqlMigrations()) GTEST_SKIP() << "PAYNEXT_TEST_POSTGRESQL is not set";
}

}  // namespace
}  // namespace paynext::plugins::membership::test
