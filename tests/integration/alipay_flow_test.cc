// Alipay end to end on the paynext side: channel settings, the APP order
// string and WAP URL, and signed async notifications.
#include <gtest/gtest.h>

#include <Poco/JSON/Parser.h>

#include "core/payments/alipay/alipay_form.h"
#include "core/payments/alipay/alipay_sign.h"
#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"
#include "tests/support/rsa_test_keys.h"

namespace paynext::testing {
namespace {

namespace ali = core::payments::alipay;

std::string channelJson(const std::string& privateKey, const std::string& publicKey) {
  Poco::JSON::Object json;
  json.set("appId", kAlipayAppId);
  json.set("privateKey", privateKey);
  json.set("alipayPublicKey", publicKey);
  json.set("gatewayUrl", "https://openapi.alipay.test/gateway.do");
  std::ostringstream out;
  json.stringify(out);
  return out.str();
}

class AlipayFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.createFactory("f1", {"testkit"});
    auto r = env_.admin("PUT", "/factories/f1/channels/alipay",
                        channelJson(merchantKeys().pkcs8Pem, alipayKeys().publicPem));
    ASSERT_EQ(200, r.status) << r.body;
    token_ = env_.userToken("f1", "13800000000");
  }
  std::string orderString(const std::string& money, const std::string& nextAction = "") {
    auto r = env_.call("f1", "/pay/alipay/gate/app", {{"token", token_}, {"money", money}, {"nextAction", nextAction}});
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    return r->getValue<std::string>("data");
  }
  static std::string outTradeNo(const std::string& order) {
    auto biz = Poco::JSON::Parser().parse(ali::parseForm(order).at("biz_content")).extract<Poco::JSON::Object::Ptr>();
    return biz->getValue<std::string>("out_trade_no");
  }
  // A notification as Alipay sends it, signed with "Alipay's" key unless told otherwise.
  std::string notification(const std::string& out, const std::string& amount, const std::string& appId = kAlipayAppId,
                           const Poco::Crypto::RSAKey* key = nullptr) {
    ali::Params p{{"notify_time", "2026-11-23 10:00:00"}, {"notify_type", "trade_status_sync"},
                  {"notify_id", "n1"},                    {"app_id", appId},
                  {"charset", "utf-8"},                   {"version", "1.0"},
                  {"trade_no", "2026112322001"},          {"out_trade_no", out},
                  {"total_amount", amount},               {"trade_status", "TRADE_SUCCESS"},
                  {"subject", "在线支付"},                {"buyer_id", "2088"}};
    p["sign"] = ali::rsa2Sign(ali::signContent(p, ali::Purpose::Notify), key ? *key : alipayKeys().key);
    p["sign_type"] = "RSA2";
    return ali::encodeForm(p);
  }
  std::string notify(const std::string& body) {
    return env_.api().send("POST", "/notify/alipay/f1", body, "application/x-www-form-urlencoded").body;
  }
  std::string status(const std::string& out) {
    return db_.text("SELECT status FROM payments WHERE out_trade_id = '" + out + "'");
  }

  PaynextEnv env_{EnvOptions{{"test:testkit"}, {}, false}};
  DbProbe db_{env_.storage()};
  std::string token_;
};

TEST_F(AlipayFlowTest, ChannelSettingsCheckKeysAndNeverShowThePrivateOne) {
  auto r = env_.admin("PUT", "/factories/f1/channels/alipay", channelJson("not a key", alipayKeys().publicPem));
  EXPECT_EQ(400, r.status);
  EXPECT_EQ("{\"error\":{\"message\":\"privateKey private key: not an unencrypted RSA private key in PKCS#1 or PKCS#8 "
            "PEM, nor the base64 body of one\",\"status\":400}}",
            r.body);
  r = env_.admin("PUT", "/factories/f1/channels/alipay", channelJson(merchantKeys().pkcs1Pem, "garbage"));
  EXPECT_EQ(400, r.status);
  EXPECT_EQ(0u, r.json()->getObject("error")->getValue<std::string>("message").find("alipayPublicKey public key:"));
  const std::string shown = env_.admin("GET", "/factories/f1/channels").body;
  EXPECT_NE(std::string::npos, shown.find("\"privateKeySet\":true"));
  EXPECT_EQ(std::string::npos, shown.find(merchantKeys().pkcs1Body.substr(0, 40)));
  EXPECT_EQ(std::string::npos, shown.find(merchantKeys().pkcs8Body.substr(0, 40)));
  EXPECT_EQ(std::string::npos, env_.admin("GET", "/audit").body.find(merchantKeys().pkcs8Body.substr(0, 40)));
}

TEST_F(AlipayFlowTest, AppPayAnswersAnOrderStringSignedWithTheAppKey) {
  const std::string order = orderString("0.50");
  ali::Params params = ali::parseForm(order);
  const std::string sign = params.at("sign");
  EXPECT_TRUE(ali::rsa2Verify(ali::signContent(params), sign, merchantKeys().key));
  EXPECT_EQ("alipay.trade.app.pay", params.at("method"));
  EXPECT_EQ("RSA2", params.at("sign_type"));
  EXPECT_EQ(kAlipayAppId, params.at("app_id"));
  EXPECT_EQ("http://127.0.0.1:" + std::to_string(env_.serverPort()) + "/notify/alipay/f1", params.at("notify_url"));
  auto biz = Poco::JSON::Parser().parse(params.at("biz_content")).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ("0.50", biz->getValue<std::string>("total_amount"));
  EXPECT_EQ("QUICK_MSECURITY_PAY", biz->getValue<std::string>("product_code"));
  EXPECT_EQ("CREATED", status(biz->getValue<std::string>("out_trade_no")));
}

TEST_F(AlipayFlowTest, WapPayAnswersTheGatewayUrl) {
  auto r = env_.call("f1", "/pay/alipay/gate/wap", {{"token", token_}, {"money", "1"}});
  ASSERT_EQ(0, r->getValue<int>("code"));
  const std::string url = r->getValue<std::string>("data");
  EXPECT_EQ(0u, url.find("https://openapi.alipay.test/gateway.do?"));
  EXPECT_NE(std::string::npos, url.find("method=alipay.trade.wap.pay"));
}

TEST_F(AlipayFlowTest, SignedNotificationSettlesOnceAndRunsTheChain) {
  const std::string out = outTradeNo(orderString("0.30", "{type:900, amount:10}"));
  const std::string body = notification(out, "0.30");
  EXPECT_EQ("success", notify(body));
  ASSERT_TRUE(eventually([&] { return db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'DONE'") == 1; }));
  EXPECT_EQ("success", notify(body));
  EXPECT_EQ("PAID", status(out));
  EXPECT_EQ(20, db_.count("SELECT balance FROM wallets"));
  EXPECT_EQ(2, db_.count("SELECT COUNT(*) FROM ledger_entries"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM chain_steps"));
  EXPECT_EQ(2, db_.count("SELECT COUNT(*) FROM payment_notifications"));
}

TEST_F(AlipayFlowTest, ForgedWrongAmountWrongAppAndUnknownNotificationsChangeNothing) {
  const std::string out = outTradeNo(orderString("0.30", "{type:900}"));
  EXPECT_EQ("fail", notify(notification(out, "0.30", kAlipayAppId, &merchantKeys().key)));  // not Alipay's key
  std::string tampered = notification(out, "0.30");
  tampered.replace(tampered.find("total_amount=0.30"), 17, "total_amount=0.03");
  EXPECT_EQ("fail", notify(tampered));
  EXPECT_EQ("fail", notify(notification(out, "0.31")));
  EXPECT_EQ("fail", notify(notification(out, "0.30", "2021999999999999")));
  EXPECT_EQ("fail", notify(notification("PNunknown", "0.30")));
  EXPECT_EQ("fail", notify("not=a&valid"));
  EXPECT_EQ("CREATED", status(out));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM ledger_entries"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM chain_steps"));
  const std::string metrics = env_.api().get("/metrics").body;
  // The unsigned form counts as a bad signature too.
  EXPECT_NE(std::string::npos, metrics.find("paynext_notifications_total{channel=\"alipay\",outcome=\"bad_signature\"} 3"));
  EXPECT_NE(std::string::npos, metrics.find("paynext_notifications_total{channel=\"alipay\",outcome=\"amount_mismatch\"} 1"));
}

// Through the simulator: the app hands our order string to "Alipay", which
// sends the signed notification; a lost one is found by trade.query.
class AlipaySimulatorTest : public ::testing::Test {
 protected:
  // The poller asks about a payment `delayMs` after its creation; unpaid after 2 h, it is closed.
  explicit AlipaySimulatorTest(const std::string& delayMs = "0", const std::string& expiryMs = "7200000")
      : env_{EnvOptions{{"test:testkit"},
                        {{"poller.intervalMs", "50"}, {"poller.delayMs", delayMs}, {"payments.expiryMs", expiryMs}},
                        true}} {}
  void SetUp() override {
    env_.createFactory("f1", {"testkit"});
    token_ = env_.userToken("f1", "13800000000");
  }
  std::string pay(const std::string& money, const std::string& extraJson = "") {
    auto r = env_.call("f1", "/pay/alipay/gate/app", {{"token", token_}, {"money", money}, {"nextAction", "{type:900}"}});
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    const std::string order = r->getValue<std::string>("data");
    Poco::JSON::Object request;
    request.set("order_string", order);
    std::ostringstream json;
    request.stringify(json);
    std::string body = json.str();
    body.insert(body.size() - 1, extraJson);
    auto sim = env_.sim().send("POST", "/sim/alipay/pay", body, "application/json");
    EXPECT_EQ(200, sim.status) << sim.body;
    return sim.json()->getValue<std::string>("out_trade_no");
  }
  bool settled(const std::string& out) {
    return db_.text("SELECT status FROM payments WHERE out_trade_id = '" + out + "'") == "PAID" &&
           db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'DONE'") == 1;
  }

  std::string status(const std::string& out) {
    return db_.text("SELECT status FROM payments WHERE out_trade_id = '" + out + "'");
  }

  PaynextEnv env_;
  DbProbe db_{env_.storage()};
  std::string token_;
};

TEST_F(AlipaySimulatorTest, NotificationFromTheSimulatorSettles) {
  const auto out = pay("0.25");
  ASSERT_TRUE(eventually([&] { return settled(out); }));
  ASSERT_TRUE(eventually([&] {
    return env_.sim().get("/sim/alipay/orders/" + out).json()->getValue<bool>("acknowledged");
  }));
  EXPECT_EQ(25, db_.count("SELECT balance FROM wallets"));
}

TEST_F(AlipaySimulatorTest, LostNotificationIsFoundByTradeQuery) {
  const auto out = pay("0.25", ",\"suppress_notify\":true");
  ASSERT_TRUE(eventually([&] { return settled(out); }));
  EXPECT_EQ(0, env_.sim().get("/sim/alipay/orders/" + out).json()->getValue<int>("notify_attempts"));
  EXPECT_EQ("trade.query", db_.text("SELECT detail FROM payment_notifications"));
}

TEST_F(AlipaySimulatorTest, WrongAmountFromTheSimulatorIsRefused) {
  const auto out = pay("0.25", ",\"total_amount_override\":\"0.26\"");
  ASSERT_TRUE(eventually([&] {
    return env_.sim().get("/sim/alipay/orders/" + out).json()->getValue<int>("notify_attempts") >= 2;
  }));
  EXPECT_EQ("reply: fail",
            env_.sim().get("/sim/alipay/orders/" + out).json()->getValue<std::string>("last_notify_result"));
}

// The poller first asks once the payments have expired: a trade the buyer
// opened is closed at Alipay (alipay.trade.close), one never opened has no
// trade there (ACQ.TRADE_NOT_EXIST) and is closed all the same.
class AlipayExpiryTest : public AlipaySimulatorTest {
 protected:
  AlipayExpiryTest() : AlipaySimulatorTest("600", "400") {}
};

TEST_F(AlipayExpiryTest, ExpiredTradesAreClosedAtAlipayFirst) {
  const auto opened = pay("0.25", ",\"wait_buyer_pay\":true");
  auto r = env_.call("f1", "/pay/alipay/gate/app", {{"token", token_}, {"money", "0.30"}, {"nextAction", "{type:900}"}});
  ASSERT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
  const std::string neverOpened = db_.text("SELECT out_trade_id FROM payments WHERE amount = 30");
  ASSERT_TRUE(eventually([&] { return status(opened) == "CLOSED" && status(neverOpened) == "CLOSED"; }));
  EXPECT_EQ("TRADE_CLOSED", env_.sim().get("/sim/alipay/orders/" + opened).json()->getValue<std::string>("state"));
  EXPECT_EQ(404, env_.sim().get("/sim/alipay/orders/" + neverOpened).status);
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM payment_notifications"));
}

TEST_F(AlipayFlowTest, FactoryWithoutAlipayIsRefused) {
  ASSERT_EQ(201, env_.admin("POST", "/factories", "{\"name\":\"f2\",\"title\":\"x\"}").status);
  const auto token = env_.userToken("f2", "13800000001");
  auto r = env_.call("f2", "/pay/alipay/gate/app", {{"token", token}, {"money", "1"}});
  EXPECT_EQ(300, r->getValue<int>("code"));
  EXPECT_EQ("本工厂未配置支付宝", r->getValue<std::string>("msg"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM payments"));
  EXPECT_EQ("fail", env_.api().send("POST", "/notify/alipay/f2", notification("x", "1.00"), "").body);
}

}  // namespace
}  // namespace paynext::testing
