// The order pay-now API of 002_*.txt end to end: POST /{factory}/order/payNow
// with the token header, WeChat, Alipay, points and mixed payments through
// tools/gatewaysim, and its refusals in the document's envelope.
#include <gtest/gtest.h>

#include <Poco/JSON/Object.h>

#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/goods_orders.h"
#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

class OrderPayNowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.createFactory("shop", {"orders", "testkit"});
    ASSERT_EQ(200, env_.admin("PUT", "/factories/shop/config/points.fenPerPoint", R"({"value":"1"})").status);
    token_ = env_.userToken("shop", "13800000000");
  }

  std::int64_t createOrder(const std::string& yuan, const std::string& token = "") {
    return orderPricedAt(env_, "shop", token.empty() ? token_ : token, yuan);
  }
  void grantPoints(int points) {
    auto r = env_.call("shop", "/testkit/points", {{"token", token_}, {"points", std::to_string(points)}});
    ASSERT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
  }
  HttpResult payNow(const std::string& json, const std::string& token) {
    return env_.api().send("POST", "/shop/order/payNow", json, "application/json", {{"token", token}});
  }
  HttpResult payNow(const std::string& json) { return payNow(json, token_); }
  static std::string request(std::int64_t order, int method, const std::string& price, int points,
                             const std::string& delivery = R"("address_id":3,"freight_mode":1)") {
    return R"({"order_id":)" + std::to_string(order) + R"(,"pay_method":)" + std::to_string(method) +
           R"(,"pay_price":)" + price + R"(,"pay_integral":)" + std::to_string(points) + "," + delivery + "}";
  }
  std::string orderStatus(std::int64_t id) {
    return db_.text("SELECT status FROM orders_orders WHERE id = " + std::to_string(id));
  }
  Poco::JSON::Object::Ptr wallet() {
    return env_.call("shop", "/user/amount", {{"token", token_}})->getObject("data");
  }
  // Nothing stored and nothing spent: the state a refusal must leave.
  std::string snapshot() {
    return std::to_string(db_.count("SELECT COUNT(*) FROM payments")) + "/" +
           std::to_string(db_.count("SELECT COUNT(*) FROM ledger_entries")) + "/" +
           db_.joined("SELECT status FROM orders_orders ORDER BY id");
  }

  PaynextEnv env_{EnvOptions{{"orders", "test:testkit"}, {}, true, "", "", ""}};
  DbProbe db_{env_.storage()};
  std::string token_;
};

TEST_F(OrderPayNowTest, WechatPaysTheOrderOnceTheChannelConfirms) {
  const std::int64_t id = createOrder("12.5");
  auto r = payNow(request(id, 1, "12.5", 0, R"("address_id":3,"freight_mode":2,"freight_json_arr_key":1)"));
  ASSERT_EQ(200, r.status);
  auto body = r.json();
  ASSERT_EQ(200, body->getValue<int>("status")) << r.body;
  EXPECT_EQ("下单成功", body->getValue<std::string>("msg"));
  auto param = body->getObject("data")->getObject("pay_param");
  std::vector<std::string> names;
  param->getNames(names);
  EXPECT_EQ((std::vector<std::string>{"appid", "noncestr", "package", "partnerid", "prepayid", "sign", "timestamp"}),
            names);
  EXPECT_EQ("Sign=WXPay", param->getValue<std::string>("package"));
  EXPECT_EQ(kMchId, param->getValue<std::string>("partnerid"));
  const std::string out = body->getObject("data")->getValue<std::string>("out_trade_no");
  EXPECT_EQ("UNPAID", orderStatus(id));

  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return orderStatus(id) == "PAID"; }));
  EXPECT_EQ("3/2/1", db_.text("SELECT address_id || '/' || freight_mode || '/' || freight_key FROM orders_orders"));
  EXPECT_EQ(0.0, wallet()->getValue<double>("balance"));  // credited 12.50, then spent on the order
}

TEST_F(OrderPayNowTest, PayIntegralMayBeLeftOutForWechatButNotWithPoints) {
  const std::int64_t id = createOrder("12.5");
  const std::string before = snapshot();
  const std::string withoutPoints =
      R"({"order_id":)" + std::to_string(id) + R"(,"pay_price":"12.5","address_id":3,"freight_mode":1,"pay_method":)";
  EXPECT_EQ(R"({"status":0,"msg":"缺少参数 pay_integral","data":[]})", payNow(withoutPoints + "4}").body);
  EXPECT_EQ(before, snapshot());

  auto body = payNow(withoutPoints + "1}").json();
  ASSERT_EQ(200, body->getValue<int>("status")) << body->getValue<std::string>("msg");
  const std::string out = body->getObject("data")->getValue<std::string>("out_trade_no");
  EXPECT_EQ(0, db_.count("SELECT points FROM payments WHERE out_trade_id = '" + out + "'"));
  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return orderStatus(id) == "PAID"; })) << env_.log();
  EXPECT_EQ(0.0, wallet()->getValue<double>("balance"));
}

TEST_F(OrderPayNowTest, PointsOnlyPaysAtOnce) {
  grantPoints(1500);
  const std::int64_t id = createOrder("10");
  auto body = payNow(request(id, 3, "0", 1000)).json();
  ASSERT_EQ(200, body->getValue<int>("status")) << body->getValue<std::string>("msg");
  EXPECT_EQ("支付成功", body->getValue<std::string>("msg"));
  EXPECT_EQ("", body->getObject("data")->getValue<std::string>("pay_param"));
  const std::string out = body->getObject("data")->getValue<std::string>("out_trade_no");
  EXPECT_EQ("PAID", db_.text("SELECT status FROM payments WHERE out_trade_id = '" + out + "'"));
  EXPECT_EQ("points", db_.text("SELECT channel FROM payments WHERE out_trade_id = '" + out + "'"));
  auto detail = env_.admin("GET", "/factories/shop/payments/" + out).json();
  EXPECT_EQ(0, detail->getValue<int>("amount"));
  EXPECT_EQ(1000, detail->getValue<int>("points"));
  EXPECT_EQ(1000, detail->getValue<int>("pointsFen"));
  auto query = env_.call("shop", "/pay/query", {{"token", token_}, {"outTradeId", out}})->getObject("data");
  EXPECT_EQ(2, query->getValue<int>("status"));
  EXPECT_EQ(1000, query->getValue<int>("points"));
  ASSERT_TRUE(eventually([&] { return orderStatus(id) == "PAID"; }));
  auto w = wallet();
  EXPECT_EQ(500, w->getValue<int>("score"));
  EXPECT_EQ(0.0, w->getValue<double>("balance"));
  // The points' own entry, their worth credited, and the order's debit.
  EXPECT_EQ("points:-1000,balance:1000,balance:-1000",
            db_.joined("SELECT currency || ':' || amount FROM ledger_entries "
                       "WHERE origin <> 'testkit' AND reason <> 'testkit' ORDER BY id"));
}

TEST_F(OrderPayNowTest, AlipayAndPointsConvertThePointsWhenTheChannelConfirms) {
  grantPoints(300);
  const std::int64_t id = createOrder("10");
  auto body = payNow(request(id, 5, "7", 300)).json();
  ASSERT_EQ(200, body->getValue<int>("status")) << body->getValue<std::string>("msg");
  const std::string order = body->getObject("data")->getValue<std::string>("pay_param");
  EXPECT_NE(std::string::npos, order.find("method=alipay.trade.app.pay"));
  EXPECT_NE(std::string::npos, order.find("%22total_amount%22%3A%227.00%22")) << order;
  EXPECT_EQ(300, wallet()->getValue<int>("score"));  // nothing spent before the money arrives

  Poco::JSON::Object sim;
  sim.set("order_string", order);
  std::ostringstream json;
  sim.stringify(json);
  ASSERT_EQ(200, env_.sim().send("POST", "/sim/alipay/pay", json.str(), "application/json").status);
  ASSERT_TRUE(eventually([&] { return orderStatus(id) == "PAID"; }));
  EXPECT_EQ(0, wallet()->getValue<int>("score"));
  EXPECT_EQ(0.0, wallet()->getValue<double>("balance"));
}

TEST_F(OrderPayNowTest, ACancelledMixedPaymentOrderGivesTheWholePriceBackAsMoney) {
  grantPoints(300);
  const std::int64_t id = createOrder("10");
  auto body = payNow(request(id, 5, "7", 300)).json();
  ASSERT_EQ(200, body->getValue<int>("status")) << body->getValue<std::string>("msg");
  Poco::JSON::Object sim;
  sim.set("order_string", body->getObject("data")->getValue<std::string>("pay_param"));
  std::ostringstream json;
  sim.stringify(json);
  ASSERT_EQ(200, env_.sim().send("POST", "/sim/alipay/pay", json.str(), "application/json").status);
  ASSERT_TRUE(eventually([&] { return orderStatus(id) == "PAID"; })) << env_.log();

  auto r = env_.admin("POST", "/factories/shop/modules/orders/orders/cancel",
                      R"({"orderId":)" + std::to_string(id) + R"(,"reason":"退货"})");
  ASSERT_EQ(201, r.status) << r.body;
  // 7.00 came through Alipay and 3.00 as points converted into the balance; the step debited 10.00 and all of it
  // comes back as money, the points staying spent.
  EXPECT_EQ(10.0, wallet()->getValue<double>("balance"));
  EXPECT_EQ(0, wallet()->getValue<int>("score"));
  EXPECT_EQ("CANCELLED", orderStatus(id));
  EXPECT_EQ(1000, db_.count("SELECT amount FROM ledger_entries WHERE reference = 'order-cancel:" +
                            std::to_string(id) + "'"));
}

TEST_F(OrderPayNowTest, PointsSpentBeforeTheMoneyArrivesLeaveTheMoneyInTheWallet) {
  grantPoints(300);
  const std::int64_t first = createOrder("10"), second = createOrder("3");
  auto mixed = payNow(request(first, 5, "7", 300)).json();
  ASSERT_EQ(200, mixed->getValue<int>("status")) << mixed->getValue<std::string>("msg");
  // The same points pay another order while the first payment waits for Alipay.
  ASSERT_EQ(200, payNow(request(second, 3, "0", 300)).json()->getValue<int>("status"));
  ASSERT_TRUE(eventually([&] { return orderStatus(second) == "PAID"; }));

  Poco::JSON::Object sim;
  sim.set("order_string", mixed->getObject("data")->getValue<std::string>("pay_param"));
  std::ostringstream json;
  sim.stringify(json);
  ASSERT_EQ(200, env_.sim().send("POST", "/sim/alipay/pay", json.str(), "application/json").status);
  ASSERT_TRUE(eventually([&] {
    return db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'FAILED'") == 1;
  }));
  EXPECT_EQ("UNPAID", orderStatus(first));
  EXPECT_EQ(7.0, wallet()->getValue<double>("balance"));  // the money that arrived is kept
  EXPECT_EQ(0, wallet()->getValue<int>("score"));
}

TEST_F(OrderPayNowTest, RefusalsUseTheDocumentsEnvelopeAndChangeNothing) {
  grantPoints(100);
  const std::int64_t id = createOrder("10");
  const std::string other = env_.userToken("shop", "13900000000");
  const std::int64_t othersOrder = createOrder("10", other);
  const std::string before = snapshot();
  auto refused = [&](const HttpResult& r, const std::string& msg) {
    EXPECT_EQ(200, r.status);
    EXPECT_EQ(R"({"status":0,"msg":")" + msg + R"(","data":[]})", r.body);
  };
  refused(payNow(request(id, 1, "10", 0), "expired-or-forged"), "token过期");
  refused(payNow(request(id, 1, "10", 0), ""), "token过期");
  const HttpResult malformed = payNow("{\"order_id\":");
  EXPECT_EQ(400, malformed.status);
  EXPECT_EQ(0u, malformed.body.find(R"({"status":0,"msg":"请求体不是有效的 JSON:)")) << malformed.body;
  EXPECT_EQ(0, malformed.json()->getValue<int>("status"));
  refused(payNow(request(othersOrder, 1, "10", 0)), "订单不存在");
  refused(payNow(request(id, 1, "9.99", 0)), "支付金额与订单金额不符:订单 10.00 元,pay_price 9.99 元,积分抵扣 0.00 元");
  refused(payNow(request(id, 1, "10.001", 0)), "参数 pay_price 格式错误,应为不超过两位小数的非负金额");
  refused(payNow(request(id, 3, "0", 1000)), "积分不足:需要 1000 积分,现有 100 积分");
  refused(payNow(request(id, 4, "0", 1000)), "积分足够支付订单,不能选择 API 支付,请使用积分支付(pay_method=3)");
  refused(payNow(request(id, 2, "10", 0, R"("address_id":3)")), "缺少参数 freight_mode");
  EXPECT_EQ(before, snapshot());
}

TEST_F(OrderPayNowTest, ChannelsAndPointsTheFactoryHasNotSetUpAreRefused) {
  ASSERT_EQ(201, env_.admin("POST", "/factories", R"({"name":"bare","title":"没有渠道"})").status);
  ASSERT_EQ(200, env_.admin("PUT", "/factories/bare/modules/orders", R"({"enabled":true})").status);
  const std::string token = env_.userToken("bare", "13800000000");
  const std::int64_t id = orderPricedAt(env_, "bare", token, "5");
  const std::string before = snapshot();
  auto send = [&](const std::string& json) {
    return env_.api().send("POST", "/bare/order/payNow", json, "application/json", {{"token", token}}).body;
  };
  EXPECT_EQ(R"({"status":0,"msg":"本工厂未配置支付宝","data":[]})", send(request(id, 2, "5", 0)));
  EXPECT_EQ(R"({"status":0,"msg":"本工厂未配置微信支付","data":[]})", send(request(id, 1, "5", 0)));
  EXPECT_EQ(R"J({"status":0,"msg":"本工厂未开通积分支付(系统参数 points.fenPerPoint 未设置)","data":[]})J",
            send(request(id, 4, "4", 100)));
  ASSERT_EQ(200, env_.admin("PUT", "/factories/bare/config/points.fenPerPoint", R"({"value":"0.5"})").status);
  EXPECT_EQ(R"J({"status":0,"msg":"系统参数 points.fenPerPoint 应为正整数(一积分值多少分),现为 0.5","data":[]})J",
            send(request(id, 4, "4", 100)));
  EXPECT_EQ(before, snapshot());
}

}  // namespace
}  // namespace paynext::testing
