#include "plugins/membership/auto_renew_job.h"

#include "membership_test_support.h"

namespace paynext::plugins::membership::test {
namespace {

constexpr std::int64_t kDay = 86400000;

class AutoRenewJobTest : public MembershipTest {
 protected:
  void SetUp() override {
    gold_ = addLevel("黄金会员");
    monthly_ = addPrice(gold_, 30, "19.90", true);
    h.ledger().balance_ = 1990;
    start_ = h.clock().now;
    ASSERT_EQ(h.execute(6, buy(monthly_, true)).status, Status::Done);
    h.ledger().entries.clear();
  }
  Poco::JSON::Object::Ptr lastRenewal(sdk::Audience audience) {
    const auto path = audience == sdk::Audience::Admin ? "/renewals" : "/membership/renewals";
    return array(h.callAs(audience, "GET", path, "{}"))->getObject(0);
  }
  std::int64_t gold_ = 0, monthly_ = 0, start_ = 0;
};

TEST_F(AutoRenewJobTest, IsDeclaredEveryMinute) {
  const auto jobs = MembershipModule().jobs();
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(jobs[0].name, "auto_renew");
  EXPECT_EQ(jobs[0].periodMs, 60000);
}

TEST_F(AutoRenewJobTest, NothingHappensBeforeExpiry) {
  h.ledger().balance_ = 5000;
  h.clock().advance(30 * kDay - 1);
  h.runJob("auto_renew");
  EXPECT_EQ(members(), std::vector<std::string>{member(1, gold_, monthly_, start_ + 30 * kDay, true)});
  EXPECT_EQ(h.ledger().balance_, 5000);
  EXPECT_EQ(count("membership_renewals"), 0);
}

TEST_F(AutoRenewJobTest, RenewsAtExpiryFromTheWalletBalance) {
  h.ledger().balance_ = 5000;
  h.clock().advance(30 * kDay + 30000);
  h.runJob("auto_renew", h.clock().now - 60000);
  EXPECT_EQ(members(), std::vector<std::string>{member(1, gold_, monthly_, start_ + 60 * kDay, true)});
  EXPECT_EQ(h.ledger().balance_, 5000 - 1990);
  ASSERT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(h.ledger().entries[0].reason, "会员自动续费");
  const std::string reference = "membership:renew:1:" + std::to_string(start_ + 30 * kDay);
  EXPECT_EQ(h.ledger().entries[0].reference, reference);
  for (auto audience : {sdk::Audience::User, sdk::Audience::Admin}) {
    const auto renewal = lastRenewal(audience);
    EXPECT_EQ(renewal->getValue<std::string>("status"), "RENEWED");
    EXPECT_EQ(renewal->getValue<double>("amount"), 19.9);
    EXPECT_EQ(renewal->getValue<Poco::Int64>("expiresAt"), start_ + 60 * kDay);
  }
  // The next run, still in the renewed period, changes nothing.
  h.clock().advance(60000);
  h.runJob("auto_renew");
  EXPECT_EQ(h.ledger().balance_, 5000 - 1990);
  EXPECT_EQ(count("membership_renewals"), 1);
}

TEST_F(AutoRenewJobTest, LapsesAndSaysWhyWhenTheBalanceIsShort) {
  h.ledger().balance_ = 1989;
  h.clock().advance(30 * kDay);
  h.runJob("auto_renew");
  EXPECT_EQ(members(), std::vector<std::string>{member(1, gold_, monthly_, start_ + 30 * kDay, false)});
  EXPECT_EQ(h.ledger().balance_, 1989);
  EXPECT_TRUE(h.ledger().entries.empty());
  for (auto audience : {sdk::Audience::User, sdk::Audience::Admin}) {
    const auto renewal = lastRenewal(audience);
    EXPECT_EQ(renewal->getValue<std::string>("status"), "LAPSED");
    EXPECT_EQ(renewal->getValue<std::string>("reason"), "余额不足:续费需 19.90 元");
  }
  const auto my = object(h.callAs(sdk::Audience::User, "GET", "/membership/my", "{}"));
  EXPECT_FALSE(my->getValue<bool>("active"));
  EXPECT_FALSE(my->getValue<bool>("isAutoRenew"));
  // Lapsed once: later runs leave it alone, even with money in the wallet.
  h.ledger().balance_ = 5000;
  h.clock().advance(kDay);
  h.runJob("auto_renew");
  EXPECT_EQ(count("membership_renewals"), 1);
  EXPECT_EQ(h.ledger().balance_, 5000);
}

TEST_F(AutoRenewJobTest, LapsesWhenThePriceItemNoLongerOffersAutoRenewal) {
  h.ledger().balance_ = 5000;
  ASSERT_EQ(h.callAs(sdk::Audience::Admin, "PUT", "/prices", R"({"id":1,"levelId":1,"days":30,"price":"19.90"})").code,
            0);
  h.clock().advance(30 * kDay);
  h.runJob("auto_renew");
  EXPECT_EQ(h.ledger().balance_, 5000);
  EXPECT_EQ(lastRenewal(sdk::Audience::Admin)->getValue<std::string>("reason"), "会员价格项 1 不支持自动续费");
  EXPECT_EQ(members(), std::vector<std::string>{member(1, gold_, monthly_, start_ + 30 * kDay, false)});
}

TEST_F(AutoRenewJobTest, TurnedOffByTheUserItIsNotRenewed) {
  h.ledger().balance_ = 5000;
  ASSERT_EQ(h.callAs(sdk::Audience::User, "POST", "/membership/autoRenew/off", "{}").code, 0);
  h.clock().advance(31 * kDay);
  h.runJob("auto_renew");
  EXPECT_EQ(h.ledger().balance_, 5000);
  EXPECT_EQ(count("membership_renewals"), 0);
}

TEST_F(AutoRenewJobTest, AfterALongOutageRenewsFromNow) {
  h.ledger().balance_ = 5000;
  h.clock().advance(90 * kDay);
  h.runJob("auto_renew");
  EXPECT_EQ(members(), std::vector<std::string>{member(1, gold_, monthly_, h.clock().now + 30 * kDay, true)});
  EXPECT_EQ(h.ledger().balance_, 5000 - 1990);
}

TEST_F(AutoRenewJobTest, AMemberWhoIsNoLongerAUserLapses) {
  using namespace Poco::Data::Keywords;
  h.session() << "UPDATE membership_members SET user_id = 9", now;
  h.clock().advance(30 * kDay);
  h.runJob("auto_renew");
  EXPECT_EQ(lastRenewal(sdk::Audience::Admin)->getValue<std::string>("reason"), "用户 9 不存在");
  EXPECT_EQ(members(), std::vector<std::string>{member(9, gold_, monthly_, start_ + 30 * kDay, false)});
  EXPECT_EQ(h.ledger().balance_, 0);
}

TEST_F(AutoRenewJobTest, OnlyThisFactorysMembers) {
  h.ledger().balance_ = 5000;
  h.clock().advance(30 * kDay);
  h.setFactory(2);
  h.runJob("auto_renew");
  EXPECT_EQ(h.ledger().balance_, 5000);
  EXPECT_EQ(count("membership_renewals"), 0);
  h.setFactory(1);
  h.runJob("auto_renew");
  EXPECT_EQ(h.ledger().balance_, 5000 - 1990);
}

}  // namespace
}  // namespace paynext::plugins::membership::test
