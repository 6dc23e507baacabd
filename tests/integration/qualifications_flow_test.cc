// The qualifications module end to end: an admin prices the qualifications
// (types 12, 13, 14), a user buys one through WeChat Pay and sees it in
// /qualifications/my, buys it again to extend it; a refused payment stores
// nothing; and of two payments racing for a permanent qualification exactly
// one step grants it while the other's money stays in the wallet.

#include <gtest/gtest.h>

#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

constexpr std::int64_t kDay = 86400000;

class QualificationsFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.createFactory("f1", {"qualifications"});
    token_ = env_.userToken("f1", "13800000000");
  }

  void offer(const std::string& json) {
    auto r = env_.admin("PUT", "/factories/f1/modules/qualifications/offers", json);
    ASSERT_EQ(200, r.status) << r.body;
  }
  Poco::JSON::Object::Ptr call(const std::string& path, std::map<std::string, std::string> fields = {}) {
    fields["token"] = token_;
    return env_.call("f1", path, fields);
  }
  Poco::JSON::Object::Ptr pay(const std::string& money, const std::string& nextAction) {
    return call("/pay/wx/wxapp", {{"money", money}, {"nextAction", nextAction}});
  }
  // Opens a WeChat payment that must be accepted; its out trade id.
  std::string payable(const std::string& money, const std::string& nextAction) {
    auto r = pay(money, nextAction);
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    return r->getValue<int>("code") == 0 ? r->getObject("data")->getValue<std::string>("outTradeId") : "";
  }
  std::int64_t steps(const std::string& status) {
    return db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = '" + status + "'");
  }
  double balance() { return call("/user/amount")->getObject("data")->getValue<double>("balance"); }

  PaynextEnv env_{EnvOptions{{"qualifications"}, {{"worker.threads", "2"}, {"worker.pollIntervalMs", "100"}}}};
  DbProbe db_{env_.storage()};
  std::string token_;
};

TEST_F(QualificationsFlowTest, BuysAQualificationWithWeChatThenExtendsIt) {
  offer(R"({"type":12,"price":"99","days":30})");
  auto offers = env_.call("f1", "/qualifications/offers", {});  // public: no token
  ASSERT_EQ(0, offers->getValue<int>("code")) << offers->getValue<std::string>("msg");
  EXPECT_EQ("社区团购团长", offers->getArray("data")->getObject(0)->getValue<std::string>("name"));
  EXPECT_EQ("您还没有购买任何资格", call("/qualifications/my")->getValue<std::string>("msg"));

  const auto first = payable("99", "{type:12}");
  env_.simPay(first);
  Poco::JSON::Object::Ptr my;
  ASSERT_TRUE(eventually([&] {
    my = call("/qualifications/my");
    return my->getValue<int>("code") == 0;
  })) << env_.log();
  auto held = my->getArray("data")->getObject(0);
  EXPECT_EQ(12, held->getValue<int>("type"));
  EXPECT_EQ("社区团购团长", held->getValue<std::string>("name"));
  EXPECT_TRUE(held->getValue<bool>("active"));
  EXPECT_FALSE(held->getValue<bool>("permanent"));
  EXPECT_EQ(19u, held->getValue<std::string>("dateEnd").size());  // "yyyy-MM-dd HH:mm:ss", China time
  const auto expiry = held->getValue<std::int64_t>("expiresAt");
  // The step debited exactly what the notification credited.
  EXPECT_DOUBLE_EQ(0, balance());

  // Held already: a second purchase extends it from its expiry.
  const auto second = payable("99", "{\"type\":\"12\"}");
  env_.simPay(second);
  ASSERT_TRUE(eventually([&] { return steps("DONE") == 2; })) << env_.log();
  held = call("/qualifications/my")->getArray("data")->getObject(0);
  EXPECT_EQ(expiry + 30 * kDay, held->getValue<std::int64_t>("expiresAt"));
  EXPECT_EQ(2u, call("/qualifications/purchases")->getArray("data")->size());
  EXPECT_DOUBLE_EQ(0, balance());
  // Admins see the holder of the qualification and both purchases.
  auto holders = env_.admin("GET", "/factories/f1/modules/qualifications/holders?type=12");
  ASSERT_EQ(200, holders.status) << holders.body;
  EXPECT_NE(std::string::npos, holders.body.find("\"expiresAt\":" + std::to_string(expiry + 30 * kDay)))
      << holders.body;
  auto purchases = env_.admin("GET", "/factories/f1/modules/qualifications/purchases");
  EXPECT_NE(std::string::npos, purchases.body.find("\"reference\":\"qualifications:" + first + "-0\""))
      << purchases.body;
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM qualifications_holders"));
  EXPECT_EQ(2, db_.count("SELECT COUNT(*) FROM qualifications_grants"));
}

TEST_F(QualificationsFlowTest, ARefusedPaymentStoresNothing) {
  offer(R"({"type":14,"price":"10","days":30,"onSale":false})");
  offer(R"({"type":12,"price":"99","permanent":true})");
  const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
      {"10", "{type:13}", "「分销商」资格尚未定价,暂不能购买"},
      {"10", "{type:14}", "「合伙人团队长」资格已停售,暂不能购买"},
  };
  for (const auto& [money, nextAction, msg] : cases) {
    auto r = pay(money, nextAction);
    EXPECT_EQ(300, r->getValue<int>("code")) << nextAction;
    EXPECT_EQ("nextAction 第 1 步:" + msg, r->getValue<std::string>("msg")) << nextAction;
  }
  // The price is the admins', not the payment's: 0.01 + an empty wallet cannot cover 99.
  auto r = pay("0.01", "{type:12}");
  EXPECT_NE(0, r->getValue<int>("code"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM payments"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM qualifications_holders"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM qualifications_grants"));
}

TEST_F(QualificationsFlowTest, TwoPaymentsRaceForAPermanentQualification) {
  // SQLite only for now: there is no PostgreSQL integration set-up yet.
  offer(R"({"type":13,"price":"88","permanent":true})");
  // Both are accepted: the user holds nothing yet when they are made.
  const auto first = payable("88", "{type:13}");
  const auto second = payable("88", "{type:13}");
  env_.simPayAtOnce({first, second});
  ASSERT_TRUE(eventually([&] { return steps("DONE") + steps("FAILED") == 2; })) << env_.log();
  EXPECT_EQ(1, steps("DONE"));
  EXPECT_EQ(1, steps("FAILED"));
  EXPECT_EQ("您已永久拥有「分销商」资格,无需重复购买",
            db_.text("SELECT last_error FROM chain_steps WHERE status = 'FAILED'"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM qualifications_grants"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM qualifications_holders WHERE permanent = 1"));
  // The loser's 88 yuan stays in the wallet.
  EXPECT_DOUBLE_EQ(88, balance());
  auto my = call("/qualifications/my");
  ASSERT_EQ(0, my->getValue<int>("code")) << my->getValue<std::string>("msg");
  EXPECT_EQ("永久", my->getArray("data")->getObject(0)->getValue<std::string>("dateEnd"));
  // Held for good now: a third payment is refused when it is made.
  auto r = pay("88", "{type:13}");
  EXPECT_EQ(300, r->getValue<int>("code"));
  EXPECT_EQ("nextAction 第 1 步:您已永久拥有「分销商」资格,无需重复购买", r->getValue<std::string>("msg"));
  EXPECT_EQ(2, db_.count("SELECT COUNT(*) FROM payments"));
}

}  // namespace
}  // namespace paynext::testing
