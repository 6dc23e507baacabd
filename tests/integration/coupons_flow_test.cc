// The coupons module end to end: an admin makes a rule, users claim coupons
// of it with nextAction type 7 after a WeChat payment and see them in
// /coupons/my; the last coupon goes to exactly one of two racing payments.

#include <gtest/gtest.h>

#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

class CouponsFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.createFactory("f1", {"coupons"});
    token_ = env_.userToken("f1", "13800000000");
  }

  std::int64_t addRule(const std::string& json) {
    auto r = env_.admin("POST", "/factories/f1/modules/coupons/rules", json);
    EXPECT_EQ(201, r.status) << r.body;
    return r.json()->getValue<std::int64_t>("id");
  }

  Poco::JSON::Object::Ptr call(const std::string& path, std::map<std::string, std::string> fields,
                               const std::string& token = "") {
    fields["token"] = token.empty() ? token_ : token;
    return env_.call("f1", path, fields);
  }

  // Opens a WeChat payment carrying the chain; its out trade id.
  std::string pay(const std::string& money, const std::string& nextAction, const std::string& token = "") {
    auto r = call("/pay/wx/wxapp", {{"money", money}, {"nextAction", nextAction}}, token);
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    return r->getObject("data")->getValue<std::string>("outTradeId");
  }

  double balance(const std::string& token = "") {
    return call("/user/amount", {}, token)->getObject("data")->getValue<double>("balance");
  }

  PaynextEnv env_{EnvOptions{{"coupons"}, {{"worker.threads", "2"}, {"worker.pollIntervalMs", "100"}}}};
  DbProbe db_{env_.storage()};
  std::string token_;
};

TEST_F(CouponsFlowTest, ClaimsAPasswordCouponWithWeChatAndSeesIt) {
  const auto rule = addRule(R"({"name":"满100减10","kind":"reduce","money":1000,"minAmount":10000,"validDays":7,)"
                            R"("stock":10,"pwd":"芝麻开门","price":250})");
  auto rules = env_.call("f1", "/coupons/rules", {});  // public: no token
  ASSERT_EQ(0, rules->getValue<int>("code")) << rules->getValue<std::string>("msg");
  const auto listed = rules->getArray("data")->getObject(0);
  EXPECT_EQ(rule, listed->getValue<std::int64_t>("id"));
  EXPECT_TRUE(listed->getValue<bool>("needPwd"));
  EXPECT_FALSE(listed->has("pwd"));
  EXPECT_DOUBLE_EQ(2.5, listed->getValue<double>("price"));
  EXPECT_EQ(700, call("/coupons/my", {})->getValue<int>("code"));

  const auto out = pay("2.50", "{type:7, couponRuleId:" + std::to_string(rule) + ", pwd:'芝麻开门'}");
  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return db_.steps(out) == "DONE"; })) << env_.log();
  auto mine = call("/coupons/my", {{"status", "usable"}});
  ASSERT_EQ(0, mine->getValue<int>("code")) << mine->getValue<std::string>("msg");
  ASSERT_EQ(1u, mine->getArray("data")->size());
  const auto coupon = mine->getArray("data")->getObject(0);
  EXPECT_EQ("满100减10", coupon->getValue<std::string>("name"));
  EXPECT_DOUBLE_EQ(10, coupon->getValue<double>("money"));
  EXPECT_EQ("usable", coupon->getValue<std::string>("status"));
  // The step debited the price the notification credited.
  EXPECT_DOUBLE_EQ(0, balance());
  auto issued = env_.admin("GET", "/factories/f1/modules/coupons/issued");
  ASSERT_EQ(200, issued.status) << issued.body;
  EXPECT_NE(std::string::npos, issued.body.find("\"grantReference\":\"coupons:" + out + "-0\"")) << issued.body;
  auto after = env_.admin("GET", "/factories/f1/modules/coupons/rules?id=" + std::to_string(rule));
  EXPECT_EQ(1, after.json()->getValue<int>("issued"));
  // perUser 1: a second claim is refused when the payment is made.
  auto again = call("/pay/wx/wxapp", {{"money", "2.50"},
                                      {"nextAction", "{type:7, couponRuleId:" + std::to_string(rule) + ", pwd:'芝麻开门'}"}});
  EXPECT_EQ(20002, again->getValue<int>("code"));
  EXPECT_EQ("nextAction 第 1 步:优惠券「满100减10」每人限领 1 张,您已领过", again->getValue<std::string>("msg"));
}

TEST_F(CouponsFlowTest, ARefusedPaymentStoresNothing) {
  const auto rule = addRule(R"({"name":"口令券","kind":"discount","rate":85,"validDays":7,"stock":10,"pwd":"abc",)"
                            R"("price":100})");
  const std::string id = std::to_string(rule);
  const std::vector<std::tuple<std::string, std::string, int, std::string>> cases = {
      {"1", "{type:7, couponRuleId:" + id + "}", 300, "缺少参数 pwd"},
      {"1", "{type:7, couponRuleId:" + id + ", pwd:'abd'}", 300, "参数 pwd 口令不正确"},
      {"1", "{type:7}", 300, "缺少参数 couponRuleId"},
      {"1", "{type:7, couponRuleId:'x1'}", 300, "参数 couponRuleId 格式错误,应为整数"},
      {"1", "{type:7, couponRuleId:999}", 20001, "优惠券规则 999 不存在"},
  };
  for (const auto& [money, nextAction, code, msg] : cases) {
    auto r = call("/pay/wx/wxapp", {{"money", money}, {"nextAction", nextAction}});
    EXPECT_EQ(code, r->getValue<int>("code")) << nextAction;
    EXPECT_EQ("nextAction 第 1 步:" + msg, r->getValue<std::string>("msg")) << nextAction;
  }
  // The price is the rule's, not the payment's: 0.50 + an empty wallet cannot cover 1.00.
  auto shortPay = call("/pay/wx/wxapp", {{"money", "0.50"}, {"nextAction", "{type:7, couponRuleId:" + id + ", pwd:'abc'}"}});
  EXPECT_NE(0, shortPay->getValue<int>("code"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM payments"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM coupons_issued"));
  EXPECT_EQ(0, db_.count("SELECT issued FROM coupons_rules"));
}

TEST_F(CouponsFlowTest, TwoPaymentsRaceForTheLastCoupon) {
  // SQLite only: there is no PostgreSQL integration set-up yet.
  const auto rule = addRule(R"({"name":"最后一张","kind":"reduce","money":500,"validDays":3,"stock":1,"price":100})");
  const auto other = env_.userToken("f1", "13900000000");
  const std::string nextAction = "{type:7, couponRuleId:" + std::to_string(rule) + "}";
  const auto first = pay("1", nextAction);
  const auto second = pay("1", nextAction, other);
  env_.simPayAtOnce({first, second});
  ASSERT_TRUE(eventually([&] { return db_.settled(first) && db_.settled(second); })) << env_.log();
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'DONE'"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'FAILED'"));
  EXPECT_EQ("优惠券「最后一张」已领完", db_.text("SELECT last_error FROM chain_steps WHERE status = 'FAILED'"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM coupons_issued"));
  EXPECT_EQ(1, db_.count("SELECT issued FROM coupons_rules"));
  // The loser's money stays in its wallet; the winner's paid the coupon.
  const bool firstWon = db_.steps(first) == "DONE";
  EXPECT_DOUBLE_EQ(firstWon ? 0 : 1, balance());
  EXPECT_DOUBLE_EQ(firstWon ? 1 : 0, balance(other));
  EXPECT_EQ(1u, call("/coupons/my", {}, firstWon ? token_ : other)->getArray("data")->size());
  EXPECT_EQ(700, call("/coupons/my", {}, firstWon ? other : token_)->getValue<int>("code"));
}

}  // namespace
}  // namespace paynext::testing
