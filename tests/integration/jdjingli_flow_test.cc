// The jdjingli module end to end: a fake JD (a local HTTP server recording
// the pay-result calls) pushes a signed order to the module's Public route,
// a user pays its token with WeChat (nextAction type 8), the step tells the
// fake JD once with its idempotency key and the order reads as paid through
// the module's routes. JD down then up, JD refusing, two payments racing for
// one token, and refused pushes and payments that store nothing.
#include <ctime>
#include <deque>
#include <mutex>

#include <gtest/gtest.h>

#include "core/crypto/digest.h"
#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"
#include "tests/support/local_http_server.h"

namespace paynext::testing {
namespace {

constexpr const char* kSecret = "jd-flow-secret-0123456789";

// JD's pay-result endpoint: answers the queued statuses, then 200.
class FakeJd {
 public:
  FakeJd()
      : server_([this](const LocalRequest&) {
          std::lock_guard<std::mutex> lock(mutex_);
          int status = 200;
          if (!statuses_.empty()) {
            status = statuses_.front();
            statuses_.pop_front();
          }
          return LocalReply{status, status == 200 ? R"({"code":0})" : R"({"code":1,"msg":"no"})"};
        }) {}

  std::string url() const { return server_.url("/jd/payresult"); }
  void queueStatus(int status) {
    std::lock_guard<std::mutex> lock(mutex_);
    statuses_.push_back(status);
  }
  std::vector<LocalRequest> received() const { return server_.requests(); }

 private:
  std::mutex mutex_;
  std::deque<int> statuses_;
  LocalHttpServer server_;
};

class JdjingliFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.createFactory("f1", {"jdjingli", "coupons"});
    auto r = env_.admin("PUT", "/factories/f1/modules/jdjingli/settings", std::string(R"({"secret":")") + kSecret +
                                                                              R"(","ttlMinutes":30})");
    ASSERT_EQ(200, r.status) << r.body;
    token_ = env_.userToken("f1", "13800000000");
  }

  std::string orderBody(const std::string& orderNo, const std::string& amount = "12.50") const {
    return R"({"orderNo":")" + orderNo + R"(","amount":")" + amount +
           R"(","items":[{"name":"京东E卡","quantity":1,"price":")" + amount + R"("}],"payResultUrl":")" + jd_.url() +
           R"("})";
  }
  // JD's push, signed as the README says.
  Poco::JSON::Object::Ptr push(const std::string& body, const std::string& secret = kSecret) {
    const std::string ts = std::to_string(std::time(nullptr));
    const auto r = env_.api().send("POST", "/f1/jdjingli/order/push", body, "application/json",
                                   {{"X-Jd-Timestamp", ts},
                                    {"X-Jd-Signature", core::crypto::hmacSha256Hex(secret, ts + "\n" + body)}});
    EXPECT_EQ(200, r.status) << r.body;
    return r.json();
  }
  std::string pushOrder(const std::string& orderNo, const std::string& amount = "12.50") {
    const auto r = push(orderBody(orderNo, amount));
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    return r->getObject("data")->getValue<std::string>("token");
  }

  Poco::JSON::Object::Ptr call(const std::string& path, std::map<std::string, std::string> fields,
                               const std::string& token = "") {
    fields["token"] = token.empty() ? token_ : token;
    return env_.call("f1", path, fields);
  }
  // A WeChat payment carrying type 8; its outTradeId.
  std::string pay(const std::string& money, const std::string& jdToken, const std::string& token = "",
                  const std::string& extra = "") {
    return payFor(money, "{type:8, token:'" + jdToken + "'" + extra + "}", token);
  }
  std::string payFor(const std::string& money, const std::string& nextAction, const std::string& token = "") {
    auto r = call("/pay/wx/wxapp", {{"money", money}, {"nextAction", nextAction}}, token);
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    return r->getObject("data")->getValue<std::string>("outTradeId");
  }
  double balance(const std::string& token = "") {
    return call("/user/amount", {}, token)->getObject("data")->getValue<double>("balance");
  }
  std::string stepKey(const std::string& outTradeId) { return outTradeId + "-0"; }

  FakeJd jd_;
  PaynextEnv env_{EnvOptions{{"jdjingli", "coupons"}}};
  DbProbe db_{env_.storage()};
  std::string token_;
};

TEST_F(JdjingliFlowTest, JdPushesAnOrderAUserPaysItWithWeChatAndJdIsToldOnce) {
  const auto jdToken = pushOrder("JD20240601001");
  // The same push again: the same token.
  EXPECT_EQ(jdToken, pushOrder("JD20240601001"));
  auto quote = call("/jdjingli/order", {{"orderToken", jdToken}});
  ASSERT_EQ(0, quote->getValue<int>("code")) << quote->getValue<std::string>("msg");
  EXPECT_DOUBLE_EQ(12.5, quote->getObject("data")->getValue<double>("due"));

  const auto out = pay("12.50", jdToken);
  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return db_.settled(out); })) << env_.log();
  EXPECT_EQ("DONE", db_.steps(out));
  EXPECT_DOUBLE_EQ(0, balance());

  auto mine = call("/jdjingli/my/orders", {});
  ASSERT_EQ(0, mine->getValue<int>("code")) << mine->getValue<std::string>("msg");
  const auto order = mine->getArray("data")->getObject(0);
  EXPECT_EQ("JD20240601001", order->getValue<std::string>("orderNo"));
  EXPECT_EQ("PAID", order->getValue<std::string>("status"));
  EXPECT_DOUBLE_EQ(12.5, order->getValue<double>("paid"));

  // JD heard exactly once, with the step's key, signed with the factory's secret.
  const auto received = jd_.received();
  ASSERT_EQ(1u, received.size());
  EXPECT_EQ(stepKey(out), received[0].header("Idempotency-Key"));
  const std::string ts = received[0].header("X-Jd-Timestamp");
  EXPECT_EQ(core::crypto::hmacSha256Hex(kSecret, ts + "\n" + received[0].body), received[0].header("X-Jd-Signature"));
  EXPECT_NE(std::string::npos, received[0].body.find(R"("status":"PAID")")) << received[0].body;

  // Paid once: paying the token again and pushing the order again are refused.
  auto again = call("/pay/wx/wxapp", {{"money", "12.50"}, {"nextAction", "{type:8, token:'" + jdToken + "'}"}});
  EXPECT_EQ(300, again->getValue<int>("code"));
  EXPECT_EQ("nextAction 第 1 步:京东京励订单 JD20240601001 已支付,不能重复支付", again->getValue<std::string>("msg"));
  auto repush = push(orderBody("JD20240601001"));
  EXPECT_EQ("京东订单 JD20240601001 已支付,不能重复推送", repush->getValue<std::string>("msg"));
  // Admins see the order with its payer and the paying step.
  auto admin = env_.admin("GET", "/factories/f1/modules/jdjingli/orders");
  ASSERT_EQ(200, admin.status) << admin.body;
  EXPECT_NE(std::string::npos, admin.body.find("\"paidReference\":\"" + stepKey(out) + "\"")) << admin.body;
  // ... and the secret masked.
  admin = env_.admin("GET", "/factories/f1/modules/jdjingli/settings");
  EXPECT_EQ(std::string::npos, admin.body.find(kSecret)) << admin.body;
  EXPECT_NE(std::string::npos, admin.body.find("jd-f********")) << admin.body;
}

TEST_F(JdjingliFlowTest, ACouponTakesItsDiscountOffWhatIsDue) {
  // The user claims a 满10减5 coupon first (a 0.01 rule of the coupons module).
  auto rule = env_.admin("POST", "/factories/f1/modules/coupons/rules",
                         R"({"name":"满10减5","kind":"reduce","money":500,"minAmount":1000,"validDays":7,)"
                         R"("stock":10,"price":1})");
  ASSERT_EQ(201, rule.status) << rule.body;
  const auto claim = payFor("0.01", "{type:7, couponRuleId:" + std::to_string(rule.json()->getValue<std::int64_t>("id")) + "}");
  env_.simPay(claim);
  ASSERT_TRUE(eventually([&] { return db_.steps(claim) == "DONE"; })) << env_.log();
  const auto coupon =
      std::to_string(call("/coupons/my", {{"status", "usable"}})->getArray("data")->getObject(0)->getValue<std::int64_t>("id"));

  const auto jdToken = pushOrder("JD20240601005", "12.50");
  auto quote = call("/jdjingli/order", {{"orderToken", jdToken}, {"couponId", coupon}});
  ASSERT_EQ(0, quote->getValue<int>("code")) << quote->getValue<std::string>("msg");
  EXPECT_DOUBLE_EQ(5, quote->getObject("data")->getValue<double>("discount"));
  EXPECT_DOUBLE_EQ(7.5, quote->getObject("data")->getValue<double>("due"));
  // 7.49 cannot cover what is due.
  auto shortPay = call("/pay/wx/wxapp", {{"money", "7.49"}, {"nextAction", "{type:8, token:'" + jdToken + "', couponId:" + coupon + "}"}});
  EXPECT_NE(0, shortPay->getValue<int>("code"));

  const auto out = pay("7.50", jdToken, "", ", couponId:" + coupon);
  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return db_.settled(out); })) << env_.log();
  EXPECT_EQ("DONE", db_.steps(out));
  EXPECT_DOUBLE_EQ(0, balance());
  EXPECT_EQ(700, call("/coupons/my", {{"status", "usable"}})->getValue<int>("code"));
  const auto order = call("/jdjingli/my/orders", {})->getArray("data")->getObject(0);
  EXPECT_DOUBLE_EQ(7.5, order->getValue<double>("paid"));
  EXPECT_EQ(coupon, std::to_string(order->getValue<std::int64_t>("couponId")));
  const auto received = jd_.received();
  ASSERT_EQ(1u, received.size());
  EXPECT_NE(std::string::npos, received[0].body.find(R"("discount":"5.00","paid":"7.50")")) << received[0].body;
}

TEST_F(JdjingliFlowTest, WhileJdIsDownTheStepRetriesThenCompletesWithTheSameKey) {
  jd_.queueStatus(503);
  jd_.queueStatus(503);
  const auto jdToken = pushOrder("JD20240601002", "3");
  const auto out = pay("3", jdToken);
  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return db_.settled(out); })) << env_.log();
  EXPECT_EQ("DONE", db_.steps(out));
  const auto received = jd_.received();
  ASSERT_EQ(3u, received.size());
  for (const auto& r : received) EXPECT_EQ(stepKey(out), r.header("Idempotency-Key"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM jdjingli_orders WHERE status = 'PAID'"));
  EXPECT_DOUBLE_EQ(0, balance());
}

TEST_F(JdjingliFlowTest, WhenJdRefusesThePayResultTheStepFailsAndTheMoneyStays) {
  jd_.queueStatus(400);
  const auto jdToken = pushOrder("JD20240601003", "3");
  const auto out = pay("3", jdToken);
  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return db_.settled(out); })) << env_.log();
  EXPECT_EQ("FAILED", db_.steps(out));
  EXPECT_EQ("京东拒绝支付结果通知(HTTP 400 Bad Request)", db_.text("SELECT last_error FROM chain_steps"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM jdjingli_orders WHERE status = 'PENDING'"));
  EXPECT_DOUBLE_EQ(3, balance());
}

TEST_F(JdjingliFlowTest, TwoPaymentsRaceForOneToken) {
  const auto jdToken = pushOrder("JD20240601004", "1");
  const auto other = env_.userToken("f1", "13900000000");
  const auto first = pay("1", jdToken);
  const auto second = pay("1", jdToken, other);
  env_.simPayAtOnce({first, second});
  ASSERT_TRUE(eventually([&] { return db_.settled(first) && db_.settled(second); })) << env_.log();
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'DONE'"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'FAILED'"));
  EXPECT_EQ("京东京励订单 JD20240601004 已支付,不能重复支付",
            db_.text("SELECT last_error FROM chain_steps WHERE status = 'FAILED'"));
  const bool firstWon = db_.steps(first) == "DONE";
  const std::string winner = firstWon ? first : second;
  EXPECT_EQ(stepKey(winner), db_.text("SELECT paid_reference FROM jdjingli_orders"));
  // The loser's money stays in its wallet; the winner's paid the order.
  EXPECT_DOUBLE_EQ(firstWon ? 0 : 1, balance());
  EXPECT_DOUBLE_EQ(firstWon ? 1 : 0, balance(other));
  // JD heard of the winner; of the loser too only when both effects ran before either
  // execute (the README's race): each call names its step.
  const auto received = jd_.received();
  ASSERT_GE(received.size(), 1u);
  ASSERT_LE(received.size(), 2u);
  bool winnerTold = false;
  for (const auto& r : received) winnerTold = winnerTold || r.header("Idempotency-Key") == stepKey(winner);
  EXPECT_TRUE(winnerTold);
}

TEST_F(JdjingliFlowTest, RefusedPushesAndPaymentsStoreNothing) {
  // A push signed with another secret, or stale, or without a signature.
  auto r = push(orderBody("JD1"), "not-the-secret-0123456789");
  EXPECT_EQ(401, r->getValue<int>("code"));
  EXPECT_EQ("签名错误", r->getValue<std::string>("msg"));
  const std::string body = orderBody("JD1"), stale = std::to_string(std::time(nullptr) - 3600);
  auto raw = env_.api().send("POST", "/f1/jdjingli/order/push", body, "application/json",
                             {{"X-Jd-Timestamp", stale},
                              {"X-Jd-Signature", core::crypto::hmacSha256Hex(kSecret, stale + "\n" + body)}});
  EXPECT_EQ("签名已过期:X-Jd-Timestamp 与服务器时间相差超过 300 秒", raw.json()->getValue<std::string>("msg"));
  raw = env_.api().send("POST", "/f1/jdjingli/order/push", body, "application/json");
  EXPECT_EQ("缺少签名请求头 X-Jd-Timestamp", raw.json()->getValue<std::string>("msg"));
  // A signed body that is not a JSON object is refused too (by the host's reading of it, or the module's).
  const std::string junk = "orderNo=JD1", now = std::to_string(std::time(nullptr));
  raw = env_.api().send("POST", "/f1/jdjingli/order/push", junk, "application/json",
                        {{"X-Jd-Timestamp", now},
                         {"X-Jd-Signature", core::crypto::hmacSha256Hex(kSecret, now + "\n" + junk)}});
  EXPECT_NE(0, raw.json()->getValue<int>("code")) << raw.body;
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM jdjingli_orders"));

  // Payments naming no order, a bad token, or short of the order's amount.
  const auto jdToken = pushOrder("JD2", "12.50");
  auto p = call("/pay/wx/wxapp", {{"money", "12.50"}, {"nextAction", "{type:8}"}});
  EXPECT_EQ("nextAction 第 1 步:缺少参数 token", p->getValue<std::string>("msg"));
  p = call("/pay/wx/wxapp", {{"money", "12.50"}, {"nextAction", "{type:8, token:'nope'}"}});
  EXPECT_EQ(700, p->getValue<int>("code"));
  EXPECT_EQ("nextAction 第 1 步:京东京励订单不存在,请确认 token", p->getValue<std::string>("msg"));
  p = call("/pay/wx/wxapp", {{"money", "12.50"}, {"nextAction", "{type:8, token:'" + jdToken + "', couponId:'x'}"}});
  EXPECT_EQ("nextAction 第 1 步:参数 couponId 格式错误,应为整数", p->getValue<std::string>("msg"));
  // The amount is JD's, whatever the client claims.
  p = call("/pay/wx/wxapp", {{"money", "0.01"}, {"nextAction", "{type:8, token:'" + jdToken + "'}"}});
  EXPECT_NE(0, p->getValue<int>("code"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM payments"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM jdjingli_orders WHERE status = 'PENDING'"));
}

}  // namespace
}  // namespace paynext::testing
