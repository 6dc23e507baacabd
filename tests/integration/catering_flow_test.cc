// The catering module end to end: an admin keeps the menu and the tables, a
// user scans a table's code, orders dishes through the module's routes and
// pays the bill with WeChat (nextAction type 9) using a coupon of the coupons
// module; a refused payment stores nothing; two payments for one order pay
// it once and the other's money stays in the wallet.

#include <gtest/gtest.h>

#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

class CateringFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.createFactory("f1", {"catering", "coupons"});
    chicken_ = adminId("/dishes", R"({"name":"宫保鸡丁","price":"28"})");
    rice_ = adminId("/dishes", R"({"name":"米饭","price":"2.00"})");
    adminId("/tables", R"({"name":"一号桌","code":"A1"})");
    token_ = env_.userToken("f1", "13800000000");
  }

  std::string adminId(const std::string& path, const std::string& json) {
    auto r = env_.admin("POST", "/factories/f1/modules/catering" + path, json);
    EXPECT_EQ(201, r.status) << r.body;
    return std::to_string(r.json()->getValue<std::int64_t>("id"));
  }

  Poco::JSON::Object::Ptr call(const std::string& path, std::map<std::string, std::string> fields,
                               const std::string& token = "") {
    fields["token"] = token.empty() ? token_ : token;
    return env_.call("f1", path, fields);
  }

  // Scans table A1 and orders 宫保鸡丁 x1 and 米饭 x2: 32.00.
  std::string orderOf32(const std::string& token = "") {
    auto r = call("/catering/order/open", {{"code", "A1"}}, token);
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    const auto id = std::to_string(r->getObject("data")->getValue<std::int64_t>("id"));
    r = call("/catering/order/add", {{"orderId", id}, {"dishId", chicken_}}, token);
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    r = call("/catering/order/add", {{"orderId", id}, {"dishId", rice_}, {"quantity", "2"}}, token);
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    EXPECT_DOUBLE_EQ(32, r->getObject("data")->getValue<double>("total"));
    return id;
  }

  // Opens a WeChat payment carrying the chain; its out trade id.
  std::string pay(const std::string& money, const std::string& nextAction, const std::string& token = "") {
    auto r = call("/pay/wx/wxapp", {{"money", money}, {"nextAction", nextAction}}, token);
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    return r->getObject("data")->getValue<std::string>("outTradeId");
  }

  double balance() { return call("/user/amount", {})->getObject("data")->getValue<double>("balance"); }

  PaynextEnv env_{EnvOptions{{"catering", "coupons"}, {{"worker.threads", "2"}, {"worker.pollIntervalMs", "100"}}}};
  DbProbe db_{env_.storage()};
  std::string token_, chicken_, rice_;
};

TEST_F(CateringFlowTest, PaysAnOrderWithACouponThroughWeChat) {
  // The user claims a 满30减5 coupon first (a 0.01 rule of the coupons module).
  auto rule = env_.admin("POST", "/factories/f1/modules/coupons/rules",
                         R"({"name":"满30减5","kind":"reduce","money":500,"minAmount":3000,"validDays":7,)"
                         R"("stock":10,"price":1})");
  ASSERT_EQ(201, rule.status) << rule.body;
  const auto claim = pay("0.01", "{type:7, couponRuleId:" + std::to_string(rule.json()->getValue<std::int64_t>("id")) + "}");
  env_.simPay(claim);
  ASSERT_TRUE(eventually([&] { return db_.steps(claim) == "DONE"; })) << env_.log();
  auto mine = call("/coupons/my", {{"status", "usable"}});
  ASSERT_EQ(0, mine->getValue<int>("code")) << mine->getValue<std::string>("msg");
  const auto coupon = std::to_string(mine->getArray("data")->getObject(0)->getValue<std::int64_t>("id"));

  const auto order = orderOf32();
  EXPECT_EQ(6u, order.size());
  auto quote = call("/catering/quote", {{"orderId", order}, {"couponId", coupon}});
  ASSERT_EQ(0, quote->getValue<int>("code")) << quote->getValue<std::string>("msg");
  EXPECT_DOUBLE_EQ(27, quote->getObject("data")->getValue<double>("due"));

  const auto out = pay("27", "{type:9, orderId:" + order + ", couponId:'" + coupon + "'}");
  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return db_.steps(out) == "DONE"; })) << env_.log();
  auto paid = call("/catering/order", {{"id", order}});
  ASSERT_EQ(0, paid->getValue<int>("code")) << paid->getValue<std::string>("msg");
  EXPECT_EQ("PAID", paid->getObject("data")->getValue<std::string>("status"));
  EXPECT_DOUBLE_EQ(27, paid->getObject("data")->getValue<double>("paid"));
  EXPECT_DOUBLE_EQ(5, paid->getObject("data")->getValue<double>("discount"));
  EXPECT_EQ(coupon, paid->getObject("data")->getValue<std::string>("couponIds"));
  // The coupon is used; the step debited exactly what the notification credited.
  EXPECT_EQ(700, call("/coupons/my", {{"status", "usable"}})->getValue<int>("code"));
  EXPECT_EQ(1u, call("/coupons/my", {{"status", "used"}})->getArray("data")->size());
  EXPECT_DOUBLE_EQ(0, balance());
  // The kitchen sees it paid, with its dishes.
  auto kitchen = env_.admin("GET", "/factories/f1/modules/catering/orders?status=PAID");
  ASSERT_EQ(200, kitchen.status) << kitchen.body;
  EXPECT_NE(std::string::npos, kitchen.body.find("\"name\":\"宫保鸡丁\"")) << kitchen.body;
  // Paying it again is refused when the payment is made.
  auto again = call("/pay/wx/wxapp", {{"money", "32"}, {"nextAction", "{type:9, orderId:" + order + "}"}});
  EXPECT_EQ(300, again->getValue<int>("code"));
  EXPECT_EQ("nextAction 第 1 步:点餐订单 " + order + " 已支付,不能重复支付", again->getValue<std::string>("msg"));
}

TEST_F(CateringFlowTest, ARefusedPaymentStoresNothing) {
  const auto mine = orderOf32();
  const auto theirs = orderOf32(env_.userToken("f1", "13900000000"));
  const std::vector<std::tuple<std::string, std::string, int, std::string>> cases = {
      {"32", "{type:9}", 300, "缺少参数 orderId"},
      {"32", "{type:9, orderId:'20240601120000123'}", 300,
       "参数 orderId 应为扫码点餐的待支付订单 id(一般为 6 位数字),不是很长的订单号"},
      {"32", "{type:9, orderId:" + mine + ", couponId:'1,x'}", 300, "参数 couponId 格式错误,应为以英文逗号分隔的编号"},
      {"32", "{type:9, orderId:" + theirs + "}", 700, "点餐订单 " + theirs + " 不存在"},
      {"32", "{type:9, orderId:" + mine + ", couponId:99}", 20001, "优惠券 99 不存在"},
  };
  for (const auto& [money, nextAction, code, msg] : cases) {
    auto r = call("/pay/wx/wxapp", {{"money", money}, {"nextAction", nextAction}});
    EXPECT_EQ(code, r->getValue<int>("code")) << nextAction;
    EXPECT_EQ("nextAction 第 1 步:" + msg, r->getValue<std::string>("msg")) << nextAction;
  }
  // The bill is the dishes', not the payment's: 0.01 and an empty wallet cannot cover 32.00.
  auto shortPay = call("/pay/wx/wxapp", {{"money", "0.01"}, {"nextAction", "{type:9, orderId:" + mine + "}"}});
  EXPECT_NE(0, shortPay->getValue<int>("code"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM payments"));
  EXPECT_EQ(2, db_.count("SELECT COUNT(*) FROM catering_orders WHERE status = 'OPEN'"));
}

TEST_F(CateringFlowTest, TwoPaymentsForOneOrderPayItOnce) {
  const auto order = orderOf32();
  const std::string nextAction = "{type:9, orderId:" + order + "}";
  const auto first = pay("32", nextAction);
  const auto second = pay("32", nextAction);
  env_.simPayAtOnce({first, second});
  ASSERT_TRUE(eventually([&] { return db_.settled(first) && db_.settled(second); })) << env_.log();
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'DONE'"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'FAILED'"));
  EXPECT_EQ("点餐订单 " + order + " 已支付,不能重复支付",
            db_.text("SELECT last_error FROM chain_steps WHERE status = 'FAILED'"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM catering_orders WHERE status = 'PAID' AND paid = 3200"));
  // The loser's money stays in the wallet.
  EXPECT_DOUBLE_EQ(32, balance());
}

}  // namespace
}  // namespace paynext::testing
