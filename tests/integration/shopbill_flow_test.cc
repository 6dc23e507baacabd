// The shopbill module end to end: an admin adds a shop with a discount rule,
// a user quotes a bill through the module's route, pays it with WeChat
// (nextAction type 4, money before the discount), then sees the bill in the
// module's routes and admins see it in the shop's totals.
#include <gtest/gtest.h>

#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

class ShopbillFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.createFactory("f1", {"shopbill"});
    // 满 100 减 10, then 10% off.
    auto r = env_.admin("POST", "/factories/f1/modules/shopbill/shops",
                        R"({"name":"东门店","percentOff":10,"tiers":[{"threshold":"100","off":"10"}]})");
    ASSERT_EQ(201, r.status) << r.body;
    shop_ = std::to_string(r.json()->getValue<std::int64_t>("id"));
    token_ = env_.userToken("f1", "13800000000");
  }

  Poco::JSON::Object::Ptr call(const std::string& path, std::map<std::string, std::string> fields) {
    fields["token"] = token_;
    return env_.call("f1", path, fields);
  }
  Poco::JSON::Object::Ptr pay(const std::string& money, const std::string& nextAction) {
    return call("/pay/wx/wxapp", {{"money", money}, {"nextAction", nextAction}});
  }
  double balance() { return call("/user/amount", {})->getObject("data")->getValue<double>("balance"); }

  PaynextEnv env_{EnvOptions{{"shopbill"}}};
  DbProbe db_{env_.storage()};
  std::string shop_, token_;
};

TEST_F(ShopbillFlowTest, PaysABillWithWeChatAfterTheShopsDiscount) {
  // 150.00 - 10.00 = 140.00, then 10% off: 126.00 due.
  auto quote = call("/shopbill/quote", {{"shopId", shop_}, {"money", "150"}});
  ASSERT_EQ(0, quote->getValue<int>("code")) << quote->getValue<std::string>("msg");
  EXPECT_DOUBLE_EQ(126, quote->getObject("data")->getValue<double>("due"));
  EXPECT_DOUBLE_EQ(24, quote->getObject("data")->getValue<double>("discount"));
  EXPECT_EQ(700, call("/shopbill/bills", {})->getValue<int>("code"));

  auto r = pay("126", "{type:4, shopId:" + shop_ + ", money:150}");
  ASSERT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
  const auto out = r->getObject("data")->getValue<std::string>("outTradeId");
  env_.simPay(out);

  Poco::JSON::Object::Ptr bills;
  ASSERT_TRUE(eventually([&] {
    bills = call("/shopbill/bills", {});
    return bills->getValue<int>("code") == 0;
  })) << env_.log();
  const auto bill = bills->getArray("data")->getObject(0);
  EXPECT_EQ("东门店", bill->getValue<std::string>("shopName"));
  EXPECT_DOUBLE_EQ(150, bill->getValue<double>("money"));
  EXPECT_DOUBLE_EQ(24, bill->getValue<double>("discount"));
  EXPECT_DOUBLE_EQ(126, bill->getValue<double>("paid"));
  EXPECT_EQ("DONE", db_.steps(out));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM shopbill_bills"));
  // The step debited exactly what the notification credited.
  EXPECT_DOUBLE_EQ(0, balance());

  // Admins see the bill of the shop and the shop's totals for the day.
  auto admin = env_.admin("GET", "/factories/f1/modules/shopbill/bills?shopId=" + shop_);
  ASSERT_EQ(200, admin.status) << admin.body;
  EXPECT_NE(std::string::npos, admin.body.find("\"stepKey\":\"" + out + "-0\"")) << admin.body;
  admin = env_.admin("GET", "/factories/f1/modules/shopbill/totals");
  ASSERT_EQ(200, admin.status) << admin.body;
  EXPECT_NE(std::string::npos, admin.body.find("\"count\":1")) << admin.body;
  EXPECT_NE(std::string::npos, admin.body.find("\"paid\":126")) << admin.body;
}

TEST_F(ShopbillFlowTest, ARefusedPaymentStoresNothing) {
  auto r = pay("10", "{type:4, money:10}");
  EXPECT_EQ(300, r->getValue<int>("code"));
  EXPECT_EQ("nextAction 第 1 步:缺少参数 shopId", r->getValue<std::string>("msg"));
  r = pay("10", "{type:4, shopId:" + shop_ + ", money:'1.001'}");
  EXPECT_EQ("nextAction 第 1 步:参数 money 格式错误,应为不超过两位小数的非负金额", r->getValue<std::string>("msg"));
  r = pay("10", "{type:4, shopId:" + shop_ + ", money:100001}");
  EXPECT_EQ("nextAction 第 1 步:参数 money 格式错误,应为大于 0 且不超过 100000.00 元的优惠前消费金额",
            r->getValue<std::string>("msg"));
  r = pay("10", "{type:4, shopId:999, money:10}");
  EXPECT_EQ(700, r->getValue<int>("code"));
  EXPECT_EQ("nextAction 第 1 步:门店 999 不存在", r->getValue<std::string>("msg"));
  // The money must cover what the rule leaves due (126.00), whatever the client claims.
  r = pay("0.01", "{type:4, shopId:" + shop_ + ", money:150}");
  EXPECT_NE(0, r->getValue<int>("code"));
  // A shop switched off takes no bills.
  ASSERT_EQ(200, env_.admin("PUT", "/factories/f1/modules/shopbill/shops",
                            R"({"id":)" + shop_ + R"(,"name":"东门店","enabled":false})")
                     .status);
  r = pay("10", "{type:4, shopId:" + shop_ + ", money:10}");
  EXPECT_EQ(300, r->getValue<int>("code"));
  EXPECT_EQ("nextAction 第 1 步:门店「东门店」已停用,暂不能买单", r->getValue<std::string>("msg"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM payments"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM shopbill_bills"));
}

TEST_F(ShopbillFlowTest, AShopSwitchedOffBeforeTheStepFailsItAndTheMoneyStaysInTheWallet) {
  auto r = pay("126", "{type:4, shopId:" + shop_ + ", money:150}");
  ASSERT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
  const auto out = r->getObject("data")->getValue<std::string>("outTradeId");
  ASSERT_EQ(200, env_.admin("PUT", "/factories/f1/modules/shopbill/shops",
                            R"({"id":)" + shop_ + R"(,"name":"东门店","enabled":false})")
                     .status);
  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return db_.steps(out) == "FAILED"; })) << env_.log();
  EXPECT_EQ("门店「东门店」已停用,暂不能买单", db_.text("SELECT last_error FROM chain_steps WHERE status = 'FAILED'"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM shopbill_bills"));
  EXPECT_DOUBLE_EQ(126, balance());
}

}  // namespace
}  // namespace paynext::testing
