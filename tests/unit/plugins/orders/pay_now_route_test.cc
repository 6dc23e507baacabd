#include "plugins/orders/pay_now_route.h"

#include "orders_test_support.h"

namespace paynext::plugins::orders::test {
namespace {

class PayNowRouteTest : public OrdersTest {
 protected:
  void SetUp() override {
    h.checkout().fenPerPoint = 1;  // 100 points = 1 yuan
    Poco::JSON::Object::Ptr app = new Poco::JSON::Object;
    app->set("appid", "wxd930ea5d5a258f4f");
    app->set("prepayid", "wx201410272009395522657a690389285100");
    app->set("outTradeId", "PNTEST1");
    h.checkout().payParams = app;
  }

  sdk::RouteResponse payNow(const std::string& json) { return h.call("POST", "/order/payNow", json); }

  // The refusal body the document gives: {"status":0,"msg":"...","data":[]}.
  void expectRefused(const std::string& json, const std::string& msg) {
    const auto r = payNow(json);
    EXPECT_EQ(stringify(r.body), R"({"status":0,"msg":")" + msg + R"(","data":[]})") << json;
  }

  static std::string request(std::int64_t orderId, int method, const std::string& price, std::int64_t points,
                             const std::string& delivery = R"("address_id":7,"freight_mode":1)") {
    return R"({"order_id":)" + std::to_string(orderId) + R"(,"pay_method":)" + std::to_string(method) +
           R"(,"pay_price":)" + price + R"(,"pay_integral":)" + std::to_string(points) + "," + delivery + "}";
  }
};

TEST_F(PayNowRouteTest, WechatAnswersTheAppParamsWithoutPaynextsOwnFields) {
  const std::int64_t id = addOrder(1990);
  const auto r = payNow(request(id, 1, "19.9", 0));
  EXPECT_EQ(stringify(r.body),
            R"({"status":200,"msg":"下单成功","data":{"pay_param":{"appid":"wxd930ea5d5a258f4f",)"
            R"("prepayid":"wx201410272009395522657a690389285100"},"out_trade_no":"PNTEST1"}})");
  ASSERT_EQ(h.checkout().requests.size(), 1u);
  const sdk::CheckoutRequest& pay = h.checkout().requests[0];
  EXPECT_EQ(pay.channel, sdk::PayChannel::wxpay("app"));
  EXPECT_EQ(pay.money, 1990);
  EXPECT_EQ(pay.points, 0);
  EXPECT_EQ(pay.subject, "测试订单");
  EXPECT_EQ(pay.clientIp, "127.0.0.1");
  EXPECT_EQ(pay.nextAction,
            R"({"address_id":7,"freight_json_arr_key":0,"freight_mode":1,"id":)" + std::to_string(id) + R"(,"type":0})");
  EXPECT_EQ(status(id), "UNPAID");  // paid by the chain once the channel confirms
}

TEST_F(PayNowRouteTest, MethodsMapToChannelsAndPoints) {
  const std::int64_t id = addOrder(1000);
  payNow(request(id, 2, "10", 0));
  payNow(request(id, 3, "0", 1000));
  payNow(request(id, 4, "6", 400));
  payNow(request(id, 5, "0.01", 999, R"("address_id":7,"freight_mode":2,"freight_json_arr_key":2)"));
  const auto& req = h.checkout().requests;
  ASSERT_EQ(req.size(), 4u);
  EXPECT_EQ(req[0].channel, sdk::PayChannel::alipay("app"));
  EXPECT_EQ(req[1].channel, sdk::PayChannel::pointsOnly());
  EXPECT_EQ(req[1].money, 0);
  EXPECT_EQ(req[1].points, 1000);
  EXPECT_EQ(req[2].channel, sdk::PayChannel::wxpay("app"));
  EXPECT_EQ(req[2].money, 600);
  EXPECT_EQ(req[2].points, 400);
  EXPECT_EQ(req[3].channel, sdk::PayChannel::alipay("app"));
  EXPECT_EQ(req[3].money, 1);
  EXPECT_NE(req[3].nextAction.find(R"("freight_json_arr_key":2,"freight_mode":2)"), std::string::npos);
}

TEST_F(PayNowRouteTest, PointsOnlyAnswersPaidWithoutPayParams) {
  const std::int64_t id = addOrder(500);
  const auto r = payNow(request(id, 3, "0", 500));
  EXPECT_EQ(stringify(r.body), R"({"status":200,"msg":"支付成功","data":{"pay_param":"","out_trade_no":"PNTEST1"}})");
}

TEST_F(PayNowRouteTest, RefusesBadFieldsNamingThem) {
  const std::int64_t id = addOrder(1000);
  expectRefused("{}", "缺少参数 order_id");
  expectRefused(R"({"order_id":"x"})", "参数 order_id 格式错误,应为整数");
  expectRefused(R"({"order_id":1})", "缺少参数 pay_method");
  expectRefused(request(id, 6, "10", 0),
                "参数 pay_method 格式错误,应为1 到 5 之间的整数(1 微信,2 支付宝,3 积分,4 微信和积分,5 支付宝和积分)");
  expectRefused(request(id, 1, "-1", 0), "参数 pay_price 格式错误,应为不超过两位小数的非负金额");
  expectRefused(request(id, 1, "10.001", 0), "参数 pay_price 格式错误,应为不超过两位小数的非负金额");
  expectRefused(request(id, 4, "6", -4), "参数 pay_integral 格式错误,应为非负整数");
  expectRefused(request(id, 1, "10", 0, R"("freight_mode":1)"), "缺少参数 address_id");
  expectRefused(request(id, 1, "10", 0, R"("address_id":7,"freight_mode":3)"), "参数 freight_mode 格式错误,应为1(包邮)或 2(不包邮)");
  expectRefused(request(id, 1, "10", 0, R"("address_id":7,"freight_mode":2)"),
                "参数 freight_json_arr_key 格式错误,应为freight_mode=2 时必填:1(到付)或 2(商家自选)");
  EXPECT_TRUE(h.checkout().requests.empty());
}

TEST_F(PayNowRouteTest, PayIntegralMayBeLeftOutForWechatOrAlipayAlone) {
  const std::int64_t id = addOrder(1000);
  const std::string withoutPoints = R"(,"pay_price":"10","address_id":7,"freight_mode":1})";
  for (const int method : {1, 2}) {
    const auto r = payNow(R"({"order_id":)" + std::to_string(id) + R"(,"pay_method":)" + std::to_string(method) +
                          withoutPoints);
    EXPECT_EQ(object(r.body)->getValue<int>("status"), 200) << stringify(r.body);
  }
  const auto& req = h.checkout().requests;
  ASSERT_EQ(req.size(), 2u);
  EXPECT_EQ(req[0].channel, sdk::PayChannel::wxpay("app"));
  EXPECT_EQ(req[1].channel, sdk::PayChannel::alipay("app"));
  for (const auto& pay : req) {
    EXPECT_EQ(pay.money, 1000);
    EXPECT_EQ(pay.points, 0);
  }
}

TEST_F(PayNowRouteTest, PayIntegralStaysRequiredForMethodsWithPoints) {
  const std::int64_t id = addOrder(1000);
  for (const auto& [method, price] : {std::make_pair(3, "0"), std::make_pair(4, "6"), std::make_pair(5, "6")}) {
    expectRefused(R"({"order_id":)" + std::to_string(id) + R"(,"pay_method":)" + std::to_string(method) +
                      R"(,"pay_price":")" + price + R"(","address_id":7,"freight_mode":1})",
                  "缺少参数 pay_integral");
    // null is as good as left out.
    expectRefused(R"({"order_id":)" + std::to_string(id) + R"(,"pay_method":)" + std::to_string(method) +
                      R"(,"pay_price":")" + price + R"(","pay_integral":null,"address_id":7,"freight_mode":1})",
                  "缺少参数 pay_integral");
  }
  EXPECT_TRUE(h.checkout().requests.empty());
  EXPECT_EQ(status(id), "UNPAID");
}

TEST_F(PayNowRouteTest, RefusesWrongMethodCombinations) {
  const std::int64_t id = addOrder(1000);
  expectRefused(request(id, 1, "9", 100), "pay_method 为 1 或 2 时不使用积分,pay_integral 须为 0");
  expectRefused(request(id, 4, "10", 0), "pay_method 为 3、4 或 5 时 pay_integral 须大于 0");
  expectRefused(request(id, 3, "1", 900), "积分支付时 pay_price 须为 0");
  expectRefused(request(id, 3, "0", 999), "积分不足以支付订单,请选择微信或支付宝支付");
  expectRefused(request(id, 3, "0", 1001), "pay_integral 超过订单金额");
  expectRefused(request(id, 5, "0", 1000), "积分足够支付订单,不能选择 API 支付,请使用积分支付(pay_method=3)");
  expectRefused(request(id, 1, "9.99", 0), "支付金额与订单金额不符:订单 10.00 元,pay_price 9.99 元,积分抵扣 0.00 元");
  expectRefused(request(id, 4, "5", 400), "支付金额与订单金额不符:订单 10.00 元,pay_price 5.00 元,积分抵扣 4.00 元");
  EXPECT_TRUE(h.checkout().requests.empty());
  EXPECT_EQ(status(id), "UNPAID");
}

TEST_F(PayNowRouteTest, RefusesOrdersThatAreNotTheUsersOrNotPayable) {
  const std::int64_t other = addOrder(1000, /*userId=*/2);
  const std::int64_t paid = addOrder(1000);
  markPaid(paid);
  expectRefused(request(other, 1, "10", 0), "订单不存在");
  expectRefused(request(999, 1, "10", 0), "订单不存在");
  expectRefused(request(paid, 1, "10", 0), "订单已支付,不能重复支付");
  const std::int64_t closed = addOrder(1000);
  OrderStore(h.session(), 1, h.clock()).close(1, closed);
  expectRefused(request(closed, 1, "10", 0), "订单已关闭,不能支付");
  EXPECT_TRUE(h.checkout().requests.empty());
}

TEST_F(PayNowRouteTest, RefusesPointsWhereTheFactoryHasNoRate) {
  h.checkout().fenPerPoint = 0;
  const std::int64_t id = addOrder(1000);
  expectRefused(request(id, 4, "6", 400), "本工厂未开通积分支付");
  EXPECT_TRUE(h.checkout().requests.empty());
}

TEST_F(PayNowRouteTest, TheChainStepRecordsTheDeliveryWhenItPays) {
  const std::int64_t id = addOrder(1000);
  h.ledger().balance_ = 1000;
  const auto r = h.execute(0, R"({"id":)" + std::to_string(id) +
                                  R"(,"address_id":7,"freight_mode":2,"freight_json_arr_key":1})");
  ASSERT_EQ(r.status, sdk::StepResult::Status::Done) << r.reason;
  OrderStore store(h.session(), 1, h.clock());
  const auto order = store.findForUser(1, id);
  EXPECT_EQ(order->status, "PAID");
  EXPECT_EQ(order->addressId, 7);
  EXPECT_EQ(order->freightMode, 2);
  EXPECT_EQ(order->freightKey, 1);
  EXPECT_EQ(h.ledger().balance_, 0);
}

TEST_F(PayNowRouteTest, TheChainStepRefusesBadDeliveryWhenThePaymentIsCreated) {
  const std::int64_t id = addOrder(1000);
  EXPECT_EQ(refusal([&] { h.validate(0, R"({"id":)" + std::to_string(id) + R"(,"address_id":7,"freight_mode":5})"); }),
            std::make_pair(300, std::string("参数 freight_mode 格式错误,应为1(包邮)或 2(不包邮)")));
}

}  // namespace
}  // namespace paynext::plugins::orders::test
