// The points rule: a factory's system parameter points.perYuan grants points
// for each whole yuan paid through a channel, once, when the payment is
// settled, through tools/gatewaysim.
#include <gtest/gtest.h>

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>

#include "core/payments/wxpay/wxpay_sign.h"
#include "core/payments/wxpay/wxpay_xml.h"
#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/goods_orders.h"
#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

namespace wx = core::payments::wxpay;

class PointsEarningTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.createFactory("shop", {"orders", "testkit"});
    token_ = env_.userToken("shop", "13800000000");
    userId_ = std::to_string(db_.count("SELECT id FROM users"));
  }
  void setConfig(const std::string& key, const std::string& value) {
    auto r = env_.admin("PUT", "/factories/shop/config/" + key, "{\"value\":\"" + value + "\"}");
    ASSERT_EQ(200, r.status) << r.body;
  }
  std::string pay(const std::string& money) {
    auto r = env_.call("shop", "/pay/wx/wxapp", {{"token", token_}, {"money", money}});
    if (r->getValue<int>("code") != 0) throw std::runtime_error(r->getValue<std::string>("msg"));
    return r->getObject("data")->getValue<std::string>("outTradeId");
  }
  std::string status(const std::string& out) {
    return db_.text("SELECT status FROM payments WHERE out_trade_id = '" + out + "'");
  }
  int score() { return env_.call("shop", "/user/amount", {{"token", token_}})->getObject("data")->getValue<int>("score"); }
  // The points entries the rule wrote, as "amount reference".
  std::string earned() {
    return db_.joined("SELECT amount || ' ' || reference FROM ledger_entries "
                      "WHERE currency = 'points' AND reason = '支付赠送积分' ORDER BY id", ";");
  }
  std::string notify(const std::string& out, const std::string& totalFee) {
    wx::Fields f{{"appid", kAppId},          {"mch_id", kMchId},          {"nonce_str", "abc"},
                 {"result_code", "SUCCESS"}, {"return_code", "SUCCESS"}, {"out_trade_no", out},
                 {"total_fee", totalFee},    {"transaction_id", "42000"}, {"openid", "o1"}};
    f["sign"] = wx::sign(f, kApiKey, wx::SignType::Md5);
    return env_.api().send("POST", "/notify/wxpay/shop", wx::toXml(f), "text/xml").body;
  }
  void grantPoints(const std::string& points) {
    auto r = env_.admin("POST", "/factories/shop/users/" + userId_ + "/adjustments",
                        "{\"points\":" + points + ",\"reason\":\"开户赠送\"}");
    ASSERT_EQ(201, r.status) << r.body;
  }
  HttpResult payNow(std::int64_t order, int method, const std::string& price, int points) {
    return env_.api().send("POST", "/shop/order/payNow",
                           "{\"order_id\":" + std::to_string(order) + ",\"pay_method\":" + std::to_string(method) +
                               ",\"pay_price\":\"" + price + "\",\"pay_integral\":" + std::to_string(points) +
                               ",\"address_id\":1,\"freight_mode\":1}",
                           "application/json", {{"token", token_}});
  }
  std::int64_t createOrder(const std::string& yuan) { return orderPricedAt(env_, "shop", token_, yuan); }
  std::string orderStatus(std::int64_t id) {
    return db_.text("SELECT status FROM orders_orders WHERE id = " + std::to_string(id));
  }

  PaynextEnv env_{EnvOptions{{"orders", "test:testkit"}, {}, true, "", "", ""}};
  DbProbe db_{env_.storage()};
  std::string token_, userId_;
};

TEST_F(PointsEarningTest, PaidPaymentEarnsPointsForWholeYuanOnceEvenWhenNotifiedAgain) {
  setConfig("points.perYuan", "2");
  const std::string out = pay("12.99");
  EXPECT_EQ(0, score());  // nothing before the money arrives
  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return status(out) == "PAID"; }));
  EXPECT_EQ(24, score());  // 12 whole yuan at 2 per yuan
  EXPECT_EQ("24 pay:" + out, earned());
  // The admin's payment view lists the grant with the payment's money.
  auto ledger = env_.admin("GET", "/factories/shop/payments/" + out).json()->getArray("ledger");
  ASSERT_EQ(2u, ledger->size());
  EXPECT_EQ("points", ledger->getObject(1)->getValue<std::string>("currency"));
  EXPECT_EQ(24, ledger->getObject(1)->getValue<int>("amount"));
  EXPECT_EQ("支付赠送积分", ledger->getObject(1)->getValue<std::string>("reason"));

  // The channel says it again: answered as success, nothing granted twice.
  for (int i = 0; i < 2; ++i) EXPECT_NE(std::string::npos, notify(out, "1299").find("SUCCESS"));
  EXPECT_EQ(24, score());
  EXPECT_EQ("24 pay:" + out, earned());
  // Repeats are counted on one row, not stored again.
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM payment_notifications WHERE outcome = 'duplicate'"));
  EXPECT_EQ(2, db_.count("SELECT repeats FROM payment_notifications WHERE outcome = 'duplicate'"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM payment_notifications WHERE outcome = 'settled'"));
}

TEST_F(PointsEarningTest, WithoutARuleOrAtZeroNothingIsEarned) {
  const std::string unset = pay("5.00");
  env_.simPay(unset);
  ASSERT_TRUE(eventually([&] { return status(unset) == "PAID"; }));
  setConfig("points.perYuan", "0");
  const std::string zero = pay("5.00");
  env_.simPay(zero);
  ASSERT_TRUE(eventually([&] { return status(zero) == "PAID"; }));
  EXPECT_EQ(0, score());
  EXPECT_EQ("", earned());
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM ledger_entries WHERE currency = 'points'"));
}

TEST_F(PointsEarningTest, OnlyTheChannelMoneyOfAMixedPaymentEarnsAndPointsAloneEarnNothing) {
  setConfig("points.fenPerPoint", "1");
  setConfig("points.perYuan", "3");
  grantPoints("1300");
  // WeChat 7 yuan + 300 points for a 10 yuan order: 7 yuan earn 21 points.
  const std::int64_t mixedOrder = createOrder("10");
  auto mixed = payNow(mixedOrder, 4, "7", 300).json();
  ASSERT_EQ(200, mixed->getValue<int>("status")) << mixed->getValue<std::string>("msg");
  const std::string out = mixed->getObject("data")->getValue<std::string>("out_trade_no");
  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return orderStatus(mixedOrder) == "PAID"; }));
  EXPECT_EQ(1300 - 300 + 21, score());
  EXPECT_EQ("21 pay:" + out, earned());

  // 10 yuan in points alone: nothing earned.
  const std::int64_t pointsOrder = createOrder("10");
  auto points = payNow(pointsOrder, 3, "0", 1000).json();
  ASSERT_EQ(200, points->getValue<int>("status")) << points->getValue<std::string>("msg");
  ASSERT_TRUE(eventually([&] { return orderStatus(pointsOrder) == "PAID"; }));
  EXPECT_EQ(1021 - 1000, score());
  EXPECT_EQ("21 pay:" + out, earned());
}

TEST_F(PointsEarningTest, ABadRuleIsRefusedWhenSetAndIgnoredWithAWarningIfStoredAnyway) {
  const auto auditBefore = db_.count("SELECT COUNT(*) FROM admin_audit");
  for (const char* bad : {"1.5", "-1", "abc", "1001", " 2"}) {
    auto r = env_.admin("PUT", "/factories/shop/config/points.perYuan", std::string("{\"value\":\"") + bad + "\"}");
    EXPECT_EQ(400, r.status) << bad;
    EXPECT_EQ(std::string("{\"error\":{\"message\":\"系统参数 points.perYuan 应为 0 到 1000 的整数(每支付一元赠送的积分),"
                          "现为 ") +
                  bad + "\",\"status\":400}}",
              r.body);
  }
  EXPECT_EQ("{}", env_.admin("GET", "/factories/shop/config").body);
  EXPECT_EQ(auditBefore, db_.count("SELECT COUNT(*) FROM admin_audit"));

  // A value stored some other way (e.g. before the check existed) must not
  // stop the payment from settling: no points, and a warning says why.
  db_.exec("INSERT INTO factory_config (factory_id, key, value, updated_at) VALUES (1, 'points.perYuan', '2x', 0)");
  const std::string out = pay("8.00");
  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return status(out) == "PAID"; }));
  EXPECT_EQ(0, score());
  EXPECT_EQ("", earned());
  EXPECT_DOUBLE_EQ(8.0, env_.call("shop", "/user/amount", {{"token", token_}})->getObject("data")->getValue<double>("balance"));
  ASSERT_TRUE(eventually([&] {
    return env_.log().find("payment " + out + ": system parameter points.perYuan of factory 1 is \"2x\", not an "
                           "integer from 0 to 1000; no points granted") != std::string::npos;
  })) << env_.log();
}

}  // namespace
}  // namespace paynext::testing
