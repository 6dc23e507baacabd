// The membership module end to end: an admin sets up a level and its price
// item, a user buys it through WeChat Pay as nextAction type 6 and sees the
// level; the server's clock moves past expiry and the auto-renew job renews
// from the wallet, then lets the level lapse when the balance is short.
#include <gtest/gtest.h>

#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

constexpr std::int64_t kDay = 86400000;

EnvOptions membershipOptions() {
  EnvOptions o;
  o.plugins = {"membership"};
  // A clock the test can move, jobs looked for every 100 ms, and a login
  // that outlives the months the test moves the clock by.
  o.config = {{"testing.clockControl", "true"}, {"jobs.tickMs", "100"}, {"identity.tokenTtlSeconds", "31536000"}};
  return o;
}

class MembershipFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.createFactory("f1", {"membership"});
    admin("POST", "/levels", R"({"name":"黄金会员"})");   // level 1
    admin("POST", "/levels", R"({"name":"白银会员"})");   // level 2
    admin("POST", "/prices", R"({"levelId":1,"days":30,"price":"19.90","autoRenew":true})");  // price item 1
    token_ = env_.userToken("f1", "13800000000");
  }

  void admin(const std::string& method, const std::string& path, const std::string& json) {
    auto r = env_.admin(method, "/factories/f1/modules/membership" + path, json);
    ASSERT_EQ(201, r.status) << method << " " << path << ": " << r.body;
  }
  Poco::JSON::Object::Ptr call(const std::string& path, std::map<std::string, std::string> fields = {}) {
    fields["token"] = token_;
    return env_.call("f1", path, fields);
  }
  Poco::JSON::Object::Ptr pay(const std::string& money, const std::string& nextAction) {
    return call("/pay/wx/wxapp", {{"money", money}, {"nextAction", nextAction}});
  }
  void moveClock(std::int64_t offsetMs) {
    auto r = env_.admin("PUT", "/testing/clock", R"({"offsetMs":)" + std::to_string(offsetMs) + "}");
    ASSERT_EQ(200, r.status) << r.body;
  }
  double balance() { return call("/user/amount")->getObject("data")->getValue<double>("balance"); }
  std::int64_t renewals(const std::string& status) {
    return db_.count("SELECT COUNT(*) FROM membership_renewals WHERE status = '" + status + "'");
  }

  PaynextEnv env_{membershipOptions()};
  DbProbe db_{env_.storage()};
  std::string token_;
};

TEST_F(MembershipFlowTest, BuysALevelThroughWeChatAndRenewsItAutomatically) {
  EXPECT_EQ("您还不是会员", call("/membership/my")->getValue<std::string>("msg"));
  // 40 yuan paid: 19.90 for the level, the rest stays in the wallet for renewals.
  auto r = pay("40", "{type:6, userLevelPriceId:'1', isAutoRenew:'true', remark:'首月'}");
  ASSERT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
  env_.simPay(r->getObject("data")->getValue<std::string>("outTradeId"));
  Poco::JSON::Object::Ptr my;
  ASSERT_TRUE(eventually([&] {
    my = call("/membership/my");
    return my->getValue<int>("code") == 0;
  })) << env_.log();
  auto data = my->getObject("data");
  EXPECT_EQ("黄金会员", data->getValue<std::string>("levelName"));
  EXPECT_TRUE(data->getValue<bool>("active"));
  EXPECT_TRUE(data->getValue<bool>("isAutoRenew"));
  const auto firstExpiry = data->getValue<std::int64_t>("expiresAt");
  EXPECT_DOUBLE_EQ(20.10, balance());

  // Past expiry by the server's clock: the job renews from the balance.
  moveClock(31 * kDay);
  ASSERT_TRUE(eventually([&] { return renewals("RENEWED") == 1; })) << env_.log();
  data = call("/membership/my")->getObject("data");
  EXPECT_EQ(firstExpiry + 30 * kDay, data->getValue<std::int64_t>("expiresAt"));
  EXPECT_DOUBLE_EQ(0.20, balance());

  // The next expiry finds 0.20 yuan: the level lapses, and the user sees why.
  moveClock(62 * kDay);
  ASSERT_TRUE(eventually([&] { return renewals("LAPSED") == 1; })) << env_.log();
  data = call("/membership/my")->getObject("data");
  EXPECT_FALSE(data->getValue<bool>("active"));
  EXPECT_FALSE(data->getValue<bool>("isAutoRenew"));
  const auto log = call("/membership/renewals")->getArray("data");
  ASSERT_EQ(2u, log->size());
  EXPECT_EQ("LAPSED", log->getObject(0)->getValue<std::string>("status"));
  EXPECT_EQ("余额不足:续费需 19.90 元", log->getObject(0)->getValue<std::string>("reason"));
  EXPECT_DOUBLE_EQ(0.20, balance());
  // Admins see the member and the log too.
  auto members = env_.admin("GET", "/factories/f1/modules/membership/members");
  ASSERT_EQ(200, members.status) << members.body;
  EXPECT_NE(std::string::npos, members.body.find("\"levelName\":\"黄金会员\"")) << members.body;
  auto adminLog = env_.admin("GET", "/factories/f1/modules/membership/renewals");
  EXPECT_NE(std::string::npos, adminLog.body.find("\"status\":\"LAPSED\"")) << adminLog.body;
}

TEST_F(MembershipFlowTest, ARefusedPaymentStoresNothing) {
  auto r = pay("19.90", "{type:6, userLevelPriceId:2}");  // 2 is a level, not a price item
  EXPECT_EQ(300, r->getValue<int>("code"));
  EXPECT_EQ("nextAction 第 1 步:userLevelPriceId 应为会员等级的价格项编号,不是等级编号",
            r->getValue<std::string>("msg"));
  r = pay("19.90", "{type:6}");
  EXPECT_EQ(300, r->getValue<int>("code"));
  EXPECT_EQ("nextAction 第 1 步:缺少参数 userLevelPriceId", r->getValue<std::string>("msg"));
  admin("POST", "/prices", R"({"levelId":2,"days":365,"price":"99"})");  // price item 2, no auto-renew
  r = pay("99", "{type:6, userLevelPriceId:2, isAutoRenew:true}");
  EXPECT_EQ(300, r->getValue<int>("code"));
  EXPECT_EQ("nextAction 第 1 步:会员价格项 2 不支持自动续费", r->getValue<std::string>("msg"));
  // The amount comes from the price item: 0.01 yuan does not buy a 19.90 level.
  r = pay("0.01", "{type:6, userLevelPriceId:1}");
  EXPECT_NE(0, r->getValue<int>("code"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM payments"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM membership_members"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM membership_purchases"));
}

}  // namespace
}  // namespace paynext::testing
