#include "plugins/membership/member_routes.h"

#include "membership_test_support.h"

namespace paynext::plugins::membership::test {
namespace {

constexpr std::int64_t kDay = 86400000;

class MemberRoutesTest : public MembershipTest {
 protected:
  void SetUp() override {
    gold_ = addLevel("黄金会员");
    monthly_ = addPrice(gold_, 30, "19.90", true);
    hidden_ = addPrice(gold_, 7, "5", false);
    h.callAs(sdk::Audience::Admin, "PUT", "/prices", R"({"id":2,"levelId":1,"days":7,"price":5,"enabled":false})");
    h.ledger().balance_ = 10000;
  }
  std::int64_t gold_ = 0, monthly_ = 0, hidden_ = 0;
};

TEST_F(MemberRoutesTest, LevelsListTheEnabledPriceItemsWithoutALogin) {
  h.setUser(0);
  const auto levels = array(h.callAs(sdk::Audience::Public, "GET", "/membership/levels", "{}"));
  ASSERT_EQ(levels->size(), 1u);
  const auto gold = levels->getObject(0);
  EXPECT_EQ(gold->getValue<std::string>("name"), "黄金会员");
  const auto prices = gold->getArray("prices");
  ASSERT_EQ(prices->size(), 1u);
  EXPECT_EQ(prices->getObject(0)->getValue<Poco::Int64>("id"), monthly_);
  EXPECT_EQ(prices->getObject(0)->getValue<double>("price"), 19.9);
  EXPECT_TRUE(prices->getObject(0)->getValue<bool>("autoRenew"));
}

TEST_F(MemberRoutesTest, LevelsAnswer700WhenThereAreNone) {
  h.setFactory(2);
  const auto r = h.callAs(sdk::Audience::Public, "GET", "/membership/levels", "{}");
  EXPECT_EQ(r.code, 700);
  EXPECT_EQ(r.msg, "暂无数据");
}

TEST_F(MemberRoutesTest, MyShowsTheLevelAndExpiry) {
  EXPECT_EQ(h.callAs(sdk::Audience::User, "GET", "/membership/my", "{}").code, 700);
  EXPECT_EQ(h.callAs(sdk::Audience::User, "GET", "/membership/my", "{}").msg, "您还不是会员");
  ASSERT_EQ(h.execute(6, buy(monthly_, true)).status, Status::Done);
  const auto my = object(h.callAs(sdk::Audience::User, "GET", "/membership/my", "{}"));
  EXPECT_EQ(my->getValue<Poco::Int64>("levelId"), gold_);
  EXPECT_EQ(my->getValue<std::string>("levelName"), "黄金会员");
  EXPECT_EQ(my->getValue<Poco::Int64>("userLevelPriceId"), monthly_);
  EXPECT_EQ(my->getValue<Poco::Int64>("expiresAt"), h.clock().now + 30 * kDay);
  // 1700000000000 + 30 days is 2023-12-14T22:13:20Z, the next morning in China.
  EXPECT_EQ(my->getValue<std::string>("dateEnd"), "2023-12-15 06:13:20");
  EXPECT_TRUE(my->getValue<bool>("active"));
  EXPECT_TRUE(my->getValue<bool>("isAutoRenew"));
  // Another user sees only their own.
  h.setUser(2);
  EXPECT_EQ(h.callAs(sdk::Audience::User, "GET", "/membership/my", "{}").code, 700);
}

TEST_F(MemberRoutesTest, NeedALogin) {
  h.setUser(0);
  for (const std::string path : {"/membership/my", "/membership/renewals", "/membership/autoRenew/off"}) {
    const auto r = h.callAs(sdk::Audience::User, "*", path, "{}");
    EXPECT_EQ(r.code, 2000) << path;
    EXPECT_EQ(r.msg, "请先登录");
  }
}

TEST_F(MemberRoutesTest, AutoRenewCanBeTurnedOff) {
  EXPECT_EQ(h.callAs(sdk::Audience::User, "POST", "/membership/autoRenew/off", "{}").msg, "您还不是会员");
  EXPECT_EQ(count("membership_members"), 0);
  ASSERT_EQ(h.execute(6, buy(monthly_, true)).status, Status::Done);
  const auto my = object(h.callAs(sdk::Audience::User, "POST", "/membership/autoRenew/off", "{}"));
  EXPECT_FALSE(my->getValue<bool>("isAutoRenew"));
  EXPECT_EQ(members(), std::vector<std::string>{member(1, gold_, monthly_, h.clock().now + 30 * kDay, false)});
}

TEST_F(MemberRoutesTest, RenewalsAreTheCallersOwnAndPaged) {
  const auto none = h.callAs(sdk::Audience::User, "GET", "/membership/renewals", "{}");
  EXPECT_EQ(none.code, 700);
  EXPECT_EQ(none.msg, "暂无数据");
  ASSERT_EQ(h.execute(6, buy(monthly_, true)).status, Status::Done);
  h.clock().advance(30 * kDay);
  h.runJob("auto_renew");
  EXPECT_EQ(array(h.callAs(sdk::Audience::User, "GET", "/membership/renewals", "{}"))->size(), 1u);
  EXPECT_EQ(h.callAs(sdk::Audience::User, "GET", "/membership/renewals", R"({"page":2})").code, 700);
  EXPECT_EQ(h.callAs(sdk::Audience::User, "GET", "/membership/renewals", R"({"pageSize":101})").msg,
            "参数 pageSize 格式错误,应为1 到 100 之间的整数");
  h.setUser(2);
  EXPECT_EQ(h.callAs(sdk::Audience::User, "GET", "/membership/renewals", "{}").code, 700);
}

}  // namespace
}  // namespace paynext::plugins::membership::test
