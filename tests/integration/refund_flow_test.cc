// Money back: admins refund a paid payment to its channel (WeChat Pay v2 over
// mutual TLS, API v3, Alipay) through the simulator; the wallet gives the
// money first, a failed refund gives it back, refunds never exceed the
// payment, and a refund number names one refund.
#include <algorithm>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <Poco/JSON/Object.h>

#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"
#include "tests/support/test_certificates.h"

namespace paynext::testing {
namespace {

class RefundFlowTest : public ::testing::Test {
 protected:
  explicit RefundFlowTest(EnvOptions options = plainOptions()) : env_(std::move(options)) {}
  static EnvOptions plainOptions() {
    EnvOptions o;
    o.plugins = {"test:testkit"};
    o.config = {{"poller.intervalMs", "50"}, {"poller.delayMs", "500"}};
    o.simArgs = {"--secapi-without-tls"};  // over plain HTTP no certificate can be shown
    return o;
  }
  void SetUp() override {
    env_.createFactory("f1", {"testkit"});
    token_ = env_.userToken("f1", "13800000000");
  }
  std::string simUrl() const { return "http://127.0.0.1:" + std::to_string(env_.sim().port()); }
  // The merchant's API certificate for v2 refunds: any certificate and key will
  // do for the simulator, which compares the one shown with the one it was given.
  void useV2Certificate(const std::string& gatewayUrl) {
    const auto r = env_.admin("PUT", "/factories/f1/channels/wxpay",
                              wxpayV2WithCertificate(certs_.certificate(), certs_.privateKey(), gatewayUrl));
    ASSERT_EQ(200, r.status) << r.body;
  }
  // A WeChat payment of `money` (yuan), paid and settled.
  std::string paidWx(const std::string& money, const std::string& nextAction = "{type:900}") {
    auto r = env_.call("f1", "/pay/wx/wxapp", {{"token", token_}, {"money", money}, {"nextAction", nextAction}});
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    const auto out = r->getObject("data")->getValue<std::string>("outTradeId");
    env_.simPay(out);
    EXPECT_TRUE(eventually([&] { return chainDone(out); }));
    return out;
  }
  bool chainDone(const std::string& out) {
    return db_.count("SELECT COUNT(*) FROM chain_steps s JOIN payments p ON p.id = s.payment_id WHERE "
                     "p.out_trade_id = '" + out + "' AND s.status = 'DONE'") == 1;
  }
  HttpResult refund(const std::string& out, const std::string& json) {
    return env_.admin("POST", "/factories/f1/payments/" + out + "/refunds", json);
  }
  std::string refundStatus(const std::string& no) {
    return db_.text("SELECT status FROM refunds WHERE out_refund_no = '" + no + "'");
  }
  std::int64_t balance() { return db_.count("SELECT balance FROM wallets"); }
  // Everything a refusal must leave as it was.
  std::string state() {
    return "balance=" + std::to_string(balance()) +
           " points=" + std::to_string(db_.count("SELECT points FROM wallets")) +
           " refunds=" + std::to_string(db_.count("SELECT COUNT(*) FROM refunds")) +
           " ledger=" + std::to_string(db_.count("SELECT COUNT(*) FROM ledger_entries"));
  }
  static std::string error(int status, const std::string& message) {
    Poco::JSON::Object::Ptr inner = new Poco::JSON::Object;
    inner->set("message", message);
    inner->set("status", status);
    Poco::JSON::Object json;
    json.set("error", inner);
    std::ostringstream out;
    json.stringify(out);
    return out.str();
  }

  TestCertificates certs_;
  PaynextEnv env_;
  DbProbe db_{env_.storage()};
  std::string token_;
};

TEST_F(RefundFlowTest, WxpayV2RefundTakesTheWalletFirstAndSucceedsByNotification) {
  useV2Certificate(simUrl());
  const auto out = paidWx("10.00");
  ASSERT_EQ(1000, balance());
  auto r = refund(out, R"({"amount":400,"reason":"商品缺货","refundNo":"RFv2-1"})");
  ASSERT_EQ(201, r.status) << r.body;
  EXPECT_NE("FAILED", r.json()->getValue<std::string>("status"));  // PROCESSING, or SUCCESS if notified already
  EXPECT_EQ(400, r.json()->getValue<int>("amount"));
  EXPECT_EQ(600, balance());  // out of the wallet at once
  // The simulator finishes the refund and notifies (req_info encrypted under the API key).
  ASSERT_TRUE(eventually([&] { return refundStatus("RFv2-1") == "SUCCESS"; }));
  EXPECT_FALSE(db_.text("SELECT channel_refund_id FROM refunds").empty());
  EXPECT_EQ(600, balance());
  const auto simRefunds = env_.sim().get("/sim/refunds?mch_id=" + std::string(kMchId)).json()->getArray("refunds");
  ASSERT_EQ(1u, simRefunds->size());
  EXPECT_EQ(400, simRefunds->getObject(0)->getValue<int>("refund_fee"));
  EXPECT_EQ(1000, simRefunds->getObject(0)->getValue<int>("total_fee"));
  // The payment view shows it, with its ledger entry; the user sees it too.
  const auto detail = env_.admin("GET", "/factories/f1/payments/" + out).json();
  EXPECT_EQ("SUCCESS", detail->getArray("refunds")->getObject(0)->getValue<std::string>("status"));
  EXPECT_NE(std::string::npos, env_.admin("GET", "/factories/f1/payments/" + out).body.find("退款:商品缺货"));
  const auto log = env_.call("f1", "/user/cashLog", {{"token", token_}})->getArray("data");
  EXPECT_EQ(-4.0, log->getObject(0)->getValue<double>("amount"));
  EXPECT_EQ("退款:商品缺货", log->getObject(0)->getValue<std::string>("remark"));
  EXPECT_NE(std::string::npos, env_.admin("GET", "/audit").body.find("payment.refund"));
}

TEST_F(RefundFlowTest, AFailedV2RefundPutsTheMoneyBackInTheWallet) {
  useV2Certificate(simUrl());
  const auto out = paidWx("3.00");
  auto failNext = [&](const std::string& status) {
    ASSERT_EQ(200, env_.sim()
                       .send("POST", "/sim/refund-fail",
                             R"({"out_trade_no":")" + out + R"(","refund_status":")" + status + R"("})",
                             "application/json")
                       .status);
  };
  failNext("REFUNDCLOSE");
  ASSERT_EQ(201, refund(out, R"({"amount":300,"reason":"r","refundNo":"RFfail"})").status);
  ASSERT_TRUE(eventually([&] { return refundStatus("RFfail") == "FAILED"; }));
  EXPECT_EQ(300, balance());
  // Out of the wallet when asked, back in when it failed.
  EXPECT_EQ("-300,300", db_.joined("SELECT amount FROM ledger_entries WHERE reference = 'refund:RFfail' ORDER BY id"));
  EXPECT_EQ("REFUNDCLOSE", db_.text("SELECT failure FROM refunds"));
  // A failed refund does not count: the money can be refunded again.
  auto r = refund(out, R"({"amount":200,"reason":"again","refundNo":"RFfail-2"})");
  EXPECT_EQ(201, r.status) << r.body;
  ASSERT_TRUE(eventually([&] { return refundStatus("RFfail-2") == "SUCCESS"; }));
  EXPECT_EQ(100, balance());
  // CHANGE (the card could not take it) waits for the merchant's hand: still
  // under way, noted, and the money stays out of the wallet.
  failNext("CHANGE");
  ASSERT_EQ(201, refund(out, R"({"amount":100,"reason":"r","refundNo":"RFchange"})").status);
  ASSERT_TRUE(eventually([&] {
    return db_.text("SELECT failure FROM refunds WHERE out_refund_no = 'RFchange'").find("CHANGE") == 0;
  }));
  EXPECT_EQ("PROCESSING", refundStatus("RFchange"));
  EXPECT_EQ(0, balance());
}

TEST_F(RefundFlowTest, TwoRefundsAtOnceNeverExceedThePayment) {
  useV2Certificate(simUrl());
  const auto out = paidWx("10.00");
  std::vector<int> statuses(2);
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i) {
    threads.emplace_back([&, i] {
      statuses[i] = refund(out, R"({"amount":600,"reason":"race","refundNo":"RFrace-)" + std::to_string(i) + R"("})")
                        .status;
    });
  }
  for (auto& t : threads) t.join();
  std::sort(statuses.begin(), statuses.end());
  EXPECT_EQ((std::vector<int>{201, 409}), statuses);
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM refunds"));
  EXPECT_EQ(400, balance());
  auto r = refund(out, R"({"amount":401,"reason":"r"})");
  EXPECT_EQ(error(409, "退款金额 4.01 元超过可退金额 4.00 元"), r.body);
}

TEST_F(RefundFlowTest, ARefundNumberNamesOneRefund) {
  useV2Certificate(simUrl());
  const auto out = paidWx("5.00");
  auto first = refund(out, R"({"amount":100,"reason":"r","refundNo":"RFsame"})");
  ASSERT_EQ(201, first.status);
  const std::string before = state();
  auto again = refund(out, R"({"amount":100,"reason":"r","refundNo":"RFsame"})");
  EXPECT_EQ(200, again.status);
  EXPECT_EQ("RFsame", again.json()->getValue<std::string>("refundNo"));
  EXPECT_EQ(error(409, "退款单号 RFsame 已用于另一笔退款"),
            refund(out, R"({"amount":200,"reason":"r","refundNo":"RFsame"})").body);
  EXPECT_EQ(before, state());
  // Without one, paynext makes one.
  auto made = refund(out, R"({"amount":100,"reason":"r"})");
  ASSERT_EQ(201, made.status);
  EXPECT_EQ(0u, made.json()->getValue<std::string>("refundNo").find("RF"));
}

TEST_F(RefundFlowTest, RefusalsSayWhyAndChangeNothing) {
  const auto out = paidWx("2.00", "{type:900, amount:150}");  // the step spent 1.50 of it
  // Without the API certificate a v2 refund cannot be made.
  std::string before = state();
  EXPECT_EQ(error(400, "微信支付 API v2 退款需要商户 API 证书:请在渠道设置中填写 apiClientCert 和 apiClientKey"),
            refund(out, R"({"amount":100,"reason":"r"})").body);
  useV2Certificate(simUrl());
  EXPECT_EQ(error(409, "钱包余额不足以退款:需要 1.00 元,余额 0.50 元,还差 0.50 元;请先用模块的取消或退还把钱退回钱包"),
            refund(out, R"({"amount":100,"reason":"r"})").body);
  EXPECT_EQ(error(400, "缺少参数 reason"), refund(out, R"({"amount":10})").body);
  std::string eightyOne;
  for (int i = 0; i < 81; ++i) eightyOne += "退";
  EXPECT_EQ(error(400, "参数 reason 不能超过 80 个字"),
            refund(out, R"({"amount":10,"reason":")" + eightyOne + R"("})").body);
  EXPECT_EQ(error(400, "参数 amount 不能为负"), refund(out, R"({"amount":-1,"reason":"r"})").body);
  EXPECT_EQ(error(400, "参数 amount 与 points 至少一项大于 0"), refund(out, R"({"reason":"r"})").body);
  EXPECT_EQ(error(400, "参数 refundNo 应为 1 到 64 个字母、数字或 _-|*@"),
            refund(out, R"({"amount":10,"reason":"r","refundNo":"no spaces"})").body);
  EXPECT_EQ(error(409, "退回积分 1 超过可退积分 0"), refund(out, R"({"points":1,"reason":"r"})").body);
  EXPECT_EQ(error(404, "支付 PNnope 不存在"), refund("PNnope", R"({"amount":10,"reason":"r"})").body);
  auto unpaid = env_.call("f1", "/pay/wx/wxapp", {{"token", token_}, {"money", "1.00"}});
  const auto unpaidOut = unpaid->getObject("data")->getValue<std::string>("outTradeId");
  EXPECT_EQ(error(409, "支付 " + unpaidOut + " 未支付成功(CREATED),不能退款"),
            refund(unpaidOut, R"({"amount":10,"reason":"r"})").body);
  EXPECT_EQ(before, state());
  // What is in the wallet can go back.
  EXPECT_EQ(201, refund(out, R"({"amount":50,"reason":"r"})").status);
}

// A refund whose answer never came stays PROCESSING; the poller asks the
// channel, which never got it, and sends it again under the same number.
TEST_F(RefundFlowTest, ARefundWithNoAnswerIsAskedAboutAndSentAgain) {
  const auto out = paidWx("2.00");
  useV2Certificate("http://127.0.0.1:1");  // nothing listens there
  auto r = refund(out, R"({"amount":150,"reason":"r","refundNo":"RFlost"})");
  ASSERT_EQ(201, r.status) << r.body;
  EXPECT_EQ("PROCESSING", r.json()->getValue<std::string>("status"));
  EXPECT_EQ(50, balance());
  useV2Certificate(simUrl());  // the gateway is back
  ASSERT_TRUE(eventually([&] { return refundStatus("RFlost") == "SUCCESS"; }));
  EXPECT_EQ(1, env_.sim().get("/sim/refunds?mch_id=" + std::string(kMchId)).json()->getArray("refunds")->size());
  EXPECT_EQ(50, balance());
}

// Points earned by the payment go back in proportion to the money refunded;
// the last refund takes what is left, so nothing is taken twice or kept.
TEST_F(RefundFlowTest, EarnedPointsAreTakenBackInProportion) {
  useV2Certificate(simUrl());
  ASSERT_EQ(200, env_.admin("PUT", "/factories/f1/config/points.perYuan", R"({"value":"3"})").status);
  const auto out = paidWx("10.00");  // earns 30 points
  ASSERT_EQ(30, db_.count("SELECT points FROM wallets"));
  auto r = refund(out, R"({"amount":333,"reason":"r"})");
  ASSERT_EQ(201, r.status) << r.body;
  EXPECT_EQ(9, r.json()->getValue<int>("earnedPoints"));  // 30 x 3.33 / 10, rounded down
  EXPECT_EQ(21, db_.count("SELECT points FROM wallets"));
  r = refund(out, R"({"amount":667,"reason":"r"})");
  ASSERT_EQ(201, r.status) << r.body;
  EXPECT_EQ(21, r.json()->getValue<int>("earnedPoints"));
  EXPECT_EQ(0, db_.count("SELECT points FROM wallets"));
  EXPECT_EQ(0, balance());
}

TEST_F(RefundFlowTest, EarnedPointsSpentAlreadyAreRefusedSayingHowMany) {
  useV2Certificate(simUrl());
  ASSERT_EQ(200, env_.admin("PUT", "/factories/f1/config/points.perYuan", R"({"value":"3"})").status);
  const auto out = paidWx("10.00");
  const std::string user = db_.text("SELECT user_id FROM wallets");
  ASSERT_EQ(201, env_.admin("POST", "/factories/f1/users/" + user + "/adjustments", R"({"points":"-25","reason":"用掉了"})")
                     .status);
  const std::string before = state();
  EXPECT_EQ(error(409, "积分不足以收回这笔支付赠送的 30 积分:现有 5 积分"),
            refund(out, R"({"amount":1000,"reason":"r"})").body);
  EXPECT_EQ(before, state());
}

// Over HTTPS the simulator checks that /secapi/ is shown the merchant's certificate.
class MutualTlsRefundTest : public RefundFlowTest {
 protected:
  MutualTlsRefundTest() : RefundFlowTest(tlsOptions(certs())) {}
  static const TestCertificates& certs() {
    static const TestCertificates shared;
    return shared;
  }
  static EnvOptions tlsOptions(const TestCertificates& c) {
    EnvOptions o;
    o.plugins = {"test:testkit"};
    o.simCertificate = c.certificate();
    o.simPrivateKey = c.privateKey();
    o.caFile = c.ca();
    o.config = {{"tls.caFile", c.ca()}};
    // The simulator's own certificate stands for the merchant's API certificate.
    o.simArgs = {std::string("--merchant-cert=") + kMchId + ":" + c.certificate()};
    return o;
  }
};

TEST_F(MutualTlsRefundTest, TheMerchantCertificateIsShownToSecapi) {
  const auto out = paidWx("1.00");
  const auto https = "https://127.0.0.1:" + std::to_string(env_.sim().port());
  ASSERT_EQ(200, env_.admin("PUT", "/factories/f1/channels/wxpay",
                            wxpayV2WithCertificate(certs().certificate(), certs().privateKey(), https))
                     .status);
  ASSERT_EQ(201, refund(out, R"({"amount":100,"reason":"r","refundNo":"RFtls"})").status);
  ASSERT_TRUE(eventually([&] { return refundStatus("RFtls") == "SUCCESS"; }));
  // Another certificate is refused by the simulator: the refund fails and the money comes back.
  const TestCertificates other;
  const auto paid = paidWx("1.00");
  ASSERT_EQ(200, env_.admin("PUT", "/factories/f1/channels/wxpay",
                            wxpayV2WithCertificate(other.certificate(), other.privateKey(), https))
                     .status);
  ASSERT_EQ(201, refund(paid, R"({"amount":100,"reason":"r","refundNo":"RFother"})").status);
  ASSERT_TRUE(eventually([&] { return refundStatus("RFother") == "FAILED"; }));
  EXPECT_EQ(100, balance());
}

TEST_F(RefundFlowTest, AlipayRefundsAtOnceAndAFailedOneGivesTheMoneyBack) {
  auto r = env_.call("f1", "/pay/alipay/gate/app", {{"token", token_}, {"money", "8.00"}, {"nextAction", "{type:900}"}});
  ASSERT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
  Poco::JSON::Object pay;
  pay.set("order_string", r->getValue<std::string>("data"));
  std::ostringstream body;
  pay.stringify(body);
  const auto sim = env_.sim().send("POST", "/sim/alipay/pay", body.str(), "application/json");
  ASSERT_EQ(200, sim.status) << sim.body;
  const auto out = sim.json()->getValue<std::string>("out_trade_no");
  ASSERT_TRUE(eventually([&] { return chainDone(out); }));

  auto refunded = refund(out, R"({"amount":300,"reason":"部分退款","refundNo":"RFali-1"})");
  ASSERT_EQ(201, refunded.status) << refunded.body;
  EXPECT_EQ("SUCCESS", refunded.json()->getValue<std::string>("status"));  // Alipay answers at once
  EXPECT_EQ(500, balance());
  const auto simRefunds = env_.sim().get("/sim/alipay/orders/" + out + "/refunds");
  EXPECT_NE(std::string::npos, simRefunds.body.find("RFali-1")) << simRefunds.body;

  ASSERT_EQ(200, env_.sim().send("POST", "/sim/alipay/orders/" + out + "/refund_failure", "{}", "application/json")
                     .status);
  auto failed = refund(out, R"({"amount":200,"reason":"r","refundNo":"RFali-2"})");
  ASSERT_EQ(201, failed.status) << failed.body;
  EXPECT_EQ("FAILED", failed.json()->getValue<std::string>("status"));
  EXPECT_NE(std::string::npos, failed.json()->getValue<std::string>("failure").find("ACQ.SELLER_BALANCE_NOT_ENOUGH"));
  EXPECT_EQ(500, balance());
}

TEST_F(RefundFlowTest, WxpayV3RefundAndAClosedOne) {
  env_.useWxpayV3("f1");
  auto r = env_.call("f1", "/pay/wx/app", {{"token", token_}, {"money", "6.00"}, {"nextAction", "{type:900}"}});
  ASSERT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
  const auto out = r->getObject("data")->getValue<std::string>("outTradeId");
  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return chainDone(out); }));

  ASSERT_EQ(201, refund(out, R"({"amount":100,"reason":"r","refundNo":"RFv3-1"})").status);
  ASSERT_TRUE(eventually([&] { return refundStatus("RFv3-1") == "SUCCESS"; }));  // REFUND.SUCCESS notification
  EXPECT_EQ(500, balance());

  ASSERT_EQ(200, env_.sim()
                     .send("POST", "/sim/v3/orders/" + out + "/refund_outcome", R"({"status":"CLOSED"})",
                           "application/json")
                     .status);
  ASSERT_EQ(201, refund(out, R"({"amount":200,"reason":"r","refundNo":"RFv3-2"})").status);
  ASSERT_TRUE(eventually([&] { return refundStatus("RFv3-2") == "FAILED"; }));
  EXPECT_EQ(500, balance());
  EXPECT_NE(std::string::npos, env_.api().get("/metrics").body.find("outcome=\"refunded\""));
}

}  // namespace
}  // namespace paynext::testing
