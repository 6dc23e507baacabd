// A WeChat Pay v2 JSAPI payment end to end: /pay/wx/wxapp, the simulator's
// signed notification, settlement, and the nextAction chain.
#include <csignal>
#include <thread>

#include <gtest/gtest.h>

#include "core/payments/wxpay/wxpay_sign.h"
#include "core/payments/wxpay/wxpay_xml.h"
#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"
#include "tests/support/local_http_server.h"

namespace paynext::testing {
namespace {

namespace wx = core::payments::wxpay;

class WxpayFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.createFactory("f1", {"testkit"});
    token_ = env_.userToken("f1", "13800000000");
  }
  Poco::JSON::Object::Ptr pay(const std::string& money, const std::string& nextAction) {
    return env_.call("f1", "/pay/wx/wxapp", {{"token", token_}, {"money", money}, {"nextAction", nextAction}});
  }
  std::string payOk(const std::string& money, const std::string& nextAction) {
    auto r = pay(money, nextAction);
    if (r->getValue<int>("code") != 0) throw std::runtime_error(r->getValue<std::string>("msg"));
    return r->getObject("data")->getValue<std::string>("outTradeId");
  }
  std::int64_t count(const std::string& sql) { return db_.count(sql); }
  std::string paymentStatus(const std::string& out) {
    return db_.text("SELECT status FROM payments WHERE out_trade_id = '" + out + "'");
  }
  // PAID first: settlement writes the status and the steps in one transaction.
  bool chainSettled(const std::string& out) {
    return paymentStatus(out) == "PAID" &&
           count("SELECT COUNT(*) FROM chain_steps s JOIN payments p ON p.id = s.payment_id WHERE p.out_trade_id = '" +
                 out + "' AND s.status IN ('PENDING', 'RUNNING', 'RETRY')") == 0;
  }
  std::string stepStatuses(const std::string& out) {
    auto s = db_.session();
    std::vector<std::string> statuses;
    std::string o = out;
    s << "SELECT s.status FROM chain_steps s JOIN payments p ON p.id = s.payment_id WHERE p.out_trade_id = $1 "
         "ORDER BY s.seq",
        Poco::Data::Keywords::use(o), Poco::Data::Keywords::into(statuses), Poco::Data::Keywords::now;
    std::string joined;
    for (const auto& st : statuses) joined += (joined.empty() ? "" : ",") + st;
    return joined;
  }
  Poco::JSON::Object::Ptr amount() { return env_.call("f1", "/user/amount", {{"token", token_}})->getObject("data"); }
  std::string notifyBody(const std::string& out, const std::string& totalFee, const std::string& key = kApiKey) {
    wx::Fields f{{"appid", kAppId},          {"mch_id", kMchId},          {"nonce_str", "abc"},
                 {"result_code", "SUCCESS"}, {"return_code", "SUCCESS"}, {"out_trade_no", out},
                 {"total_fee", totalFee},    {"transaction_id", "42000"}, {"openid", "o1"}};
    f["sign"] = wx::sign(f, key, wx::SignType::Md5);
    return wx::toXml(f);
  }
  std::string notify(const std::string& body) {
    return env_.api().send("POST", "/notify/wxpay/f1", body, "text/xml").body;
  }

  PaynextEnv env_;
  DbProbe db_{env_.storage()};
  std::string token_;
};

TEST_F(WxpayFlowTest, PaymentReturnsSignedJsapiParams) {
  auto r = pay("0.01", "");
  ASSERT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
  auto d = r->getObject("data");
  EXPECT_EQ(0u, d->getValue<std::string>("package").find("prepay_id="));
  EXPECT_EQ("MD5", d->getValue<std::string>("signType"));
  wx::Fields f{{"appId", kAppId},
               {"timeStamp", d->getValue<std::string>("timeStamp")},
               {"nonceStr", d->getValue<std::string>("nonceStr")},
               {"package", d->getValue<std::string>("package")},
               {"signType", "MD5"}};
  EXPECT_EQ(wx::sign(f, kApiKey, wx::SignType::Md5), d->getValue<std::string>("paySign"));
  EXPECT_EQ("CREATED", paymentStatus(d->getValue<std::string>("outTradeId")));
  EXPECT_EQ(1, count("SELECT amount FROM payments"));
}

TEST_F(WxpayFlowTest, AppPaymentReturnsSignedPayReqParams) {
  auto r = env_.call("f1", "/pay/wx/app", {{"token", token_}, {"money", "0.02"}});
  ASSERT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
  auto d = r->getObject("data");
  EXPECT_EQ("Sign=WXPay", d->getValue<std::string>("package"));
  EXPECT_EQ(kMchId, d->getValue<std::string>("partnerid"));
  wx::Fields f{{"appid", kAppId},
               {"partnerid", kMchId},
               {"prepayid", d->getValue<std::string>("prepayid")},
               {"package", "Sign=WXPay"},
               {"noncestr", d->getValue<std::string>("noncestr")},
               {"timestamp", d->getValue<std::string>("timestamp")}};
  EXPECT_EQ(wx::sign(f, kApiKey, wx::SignType::Md5), d->getValue<std::string>("sign"));
  const auto out = d->getValue<std::string>("outTradeId");
  EXPECT_EQ("APP", env_.sim().get("/sim/orders/" + out).json()->getValue<std::string>("trade_type"));
}

TEST_F(WxpayFlowTest, HmacSha256MerchantPaysEndToEnd) {
  ASSERT_EQ(200, env_.admin("PUT", "/factories/f1/channels/wxpay",
                            std::string("{\"appId\":\"") + kAppId + "\",\"mchId\":\"" + kMchId + "\",\"apiKey\":\"" +
                                kApiKey + "\",\"signType\":\"HMAC-SHA256\",\"gatewayUrl\":\"http://127.0.0.1:" +
                                std::to_string(env_.sim().port()) + "\"}")
                     .status);
  auto r = pay("0.30", "{type:900}");
  ASSERT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
  auto d = r->getObject("data");
  EXPECT_EQ("HMAC-SHA256", d->getValue<std::string>("signType"));
  wx::Fields f{{"appId", kAppId},
               {"timeStamp", d->getValue<std::string>("timeStamp")},
               {"nonceStr", d->getValue<std::string>("nonceStr")},
               {"package", d->getValue<std::string>("package")},
               {"signType", "HMAC-SHA256"}};
  EXPECT_EQ(wx::sign(f, kApiKey, wx::SignType::HmacSha256), d->getValue<std::string>("paySign"));
  const auto out = d->getValue<std::string>("outTradeId");
  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return chainSettled(out); }));
  EXPECT_EQ("DONE", stepStatuses(out));
}

TEST_F(WxpayFlowTest, JsonBodyMayCarryNextActionAsAnObject) {
  auto r = env_.api().send("POST", "/f1/pay/wx/wxapp",
                           "{\"token\":\"" + token_ + "\",\"money\":0.5,\"nextAction\":{\"type\":900,\"value\":\"j\"}}",
                           "application/json");
  ASSERT_EQ(0, r.json()->getValue<int>("code")) << r.body;
  const auto out = r.json()->getObject("data")->getValue<std::string>("outTradeId");
  EXPECT_EQ(50, count("SELECT amount FROM payments"));
  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return chainSettled(out); }));
  EXPECT_EQ("j", db_.text("SELECT value FROM testkit_runs"));
}

TEST_F(WxpayFlowTest, NotificationSettlesCreditsAndRunsTheChainInOrder) {
  const auto out = payOk("1.00", "{type:900, value:'a', amount:30, nextAction:{type:900, value:'b', amount:20}}");
  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return chainSettled(out); }));
  EXPECT_EQ("DONE,DONE", stepStatuses(out));
  auto runs = env_.call("f1", "/testkit/runs", {})->getArray("data");
  ASSERT_EQ(2u, runs->size());
  EXPECT_EQ(out + "-0", runs->getObject(0)->getValue<std::string>("key"));
  EXPECT_EQ("a", runs->getObject(0)->getValue<std::string>("value"));
  EXPECT_EQ("b", runs->getObject(1)->getValue<std::string>("value"));
  EXPECT_DOUBLE_EQ(0.5, amount()->getValue<double>("balance"));
  // credit 100, debits 30 and 20: every fen is in the ledger.
  EXPECT_EQ(50, count("SELECT SUM(amount) FROM ledger_entries WHERE currency = 'balance'"));
  auto q = env_.call("f1", "/pay/query", {{"token", token_}, {"outTradeId", out}});
  EXPECT_EQ("PAID", q->getObject("data")->getValue<std::string>("statusStr"));
}

TEST_F(WxpayFlowTest, StepsWithoutAnEffectAreDoneWhenTheNotificationIsAnsweredTheRestIsTheWorkers) {
  // Inline steps are the default on SQLite only (worker.inlineSteps = auto); set here for both.
  env_.setConfig("worker.inlineSteps", "true");
  env_.stopServer(SIGTERM);
  env_.startServer();
  // The partner answers slowly, so the worker is still at the call when the statuses are read.
  LocalHttpServer partner([](const LocalRequest&) { return LocalReply{200, "heard", "text/plain", 1500}; });
  // 900 (no effect), 901 (an outside call: the worker's), then 900 again after it.
  const auto out = payOk("1.00", "{type:900, value:'a', amount:10, nextAction:{type:901, url:'" + partner.url("/cb") +
                                     "', nextAction:{type:900, value:'c', amount:5, mode:'fail'}}}");
  EXPECT_NE(std::string::npos, notify(notifyBody(out, "100")).find("<return_code><![CDATA[SUCCESS]]></return_code>"));
  // Answered after the settlement committed: the first step ran in it, nothing else did.
  const std::string atAnswer = stepStatuses(out);
  EXPECT_TRUE(atAnswer == "DONE,PENDING,PENDING" || atAnswer == "DONE,RUNNING,PENDING") << atAnswer;
  EXPECT_EQ(1, count("SELECT COUNT(*) FROM chain_steps WHERE status = 'DONE' AND attempts = 1 AND seq = 0"));
  // The worker makes the call, then runs the last step, which fails as asked, its debit undone.
  ASSERT_TRUE(eventually([&] { return stepStatuses(out) == "DONE,DONE,FAILED"; }));
  EXPECT_EQ(1u, partner.requests().size());
  EXPECT_EQ(90, count("SELECT SUM(amount) FROM ledger_entries WHERE currency = 'balance'"));
}

TEST_F(WxpayFlowTest, ResentNotificationAnswersSuccessAndChangesNothing) {
  const auto out = payOk("0.50", "{type:900}");
  const std::string body = notifyBody(out, "50");
  EXPECT_NE(std::string::npos, notify(body).find("<return_code><![CDATA[SUCCESS]]></return_code>"));
  ASSERT_TRUE(eventually([&] { return chainSettled(out); }));
  for (int i = 0; i < 20; ++i) {
    EXPECT_NE(std::string::npos, notify(body).find("<return_code><![CDATA[SUCCESS]]></return_code>"));
  }
  EXPECT_EQ(1, count("SELECT COUNT(*) FROM ledger_entries"));
  EXPECT_EQ(1, count("SELECT COUNT(*) FROM chain_steps"));
  EXPECT_EQ(1, count("SELECT COUNT(*) FROM testkit_runs"));
  EXPECT_DOUBLE_EQ(0.5, amount()->getValue<double>("balance"));
  // Twenty replays are one row with a count, not twenty copies.
  EXPECT_EQ("settled,duplicate", db_.joined("SELECT outcome FROM payment_notifications ORDER BY id"));
  EXPECT_EQ(20, count("SELECT repeats FROM payment_notifications WHERE outcome = 'duplicate'"));
  auto view = env_.admin("GET", "/factories/f1/payments/" + out).json()->getArray("notifications");
  ASSERT_EQ(2u, view->size());
  EXPECT_EQ(0, view->getObject(0)->getValue<int>("repeats"));
  EXPECT_EQ(20, view->getObject(1)->getValue<int>("repeats"));
  EXPECT_GE(view->getObject(1)->getValue<std::int64_t>("lastAt"), view->getObject(1)->getValue<std::int64_t>("createdAt"));
}

// Replays arriving together are still one row. On PostgreSQL, where a
// settlement runs READ COMMITTED, the test holds the payment's row, so every
// replay waits for it before it counts and they all go on at once; they must
// take turns there. (SQLite runs one writer at a time: they queue anyway.)
TEST_F(WxpayFlowTest, ReplaysArrivingTogetherAreCountedInOneRow) {
  const std::string success = "<return_code><![CDATA[SUCCESS]]></return_code>";
  const auto out = payOk("0.50", "{type:900}");
  const std::string body = notifyBody(out, "50");
  ASSERT_NE(std::string::npos, notify(body).find(success));
  ASSERT_TRUE(eventually([&] { return chainSettled(out); }));
  const bool postgresql = env_.storage().rfind("postgresql:", 0) == 0;
  Poco::Data::Session holder = db_.session();
  if (postgresql) {
    holder.begin();
    holder << "UPDATE payments SET remark = remark WHERE out_trade_id = '" + out + "'", Poco::Data::Keywords::now;
  }
  constexpr int kReplays = 6;
  std::vector<std::string> answers(kReplays);
  std::vector<std::thread> replays;
  for (int i = 0; i < kReplays; ++i) replays.emplace_back([&, i] { answers[i] = notify(body); });
  bool allWaiting = true;
  if (postgresql) {
    allWaiting = eventually([&] {
      return count("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
                   "AND wait_event_type = 'Lock'") == kReplays;
    });
    holder.commit();
  }
  for (auto& t : replays) t.join();
  ASSERT_TRUE(allWaiting) << env_.log();
  for (const auto& answer : answers) EXPECT_NE(std::string::npos, answer.find(success)) << answer;
  EXPECT_EQ("settled,duplicate", db_.joined("SELECT outcome FROM payment_notifications ORDER BY id"));
  EXPECT_EQ(kReplays, count("SELECT repeats FROM payment_notifications WHERE outcome = 'duplicate'"));
  EXPECT_EQ(1, count("SELECT COUNT(*) FROM ledger_entries"));
  EXPECT_EQ(1, count("SELECT COUNT(*) FROM testkit_runs"));
}

TEST_F(WxpayFlowTest, ForgedTamperedUnknownAndWrongAmountNotificationsChangeNothing) {
  const auto out = payOk("0.50", "{type:900}");
  std::string forged = notifyBody(out, "50", "0000000000000000000000000000000");
  EXPECT_NE(std::string::npos, notify(forged).find("<return_msg><![CDATA[签名错误]]></return_msg>"));
  std::string tampered = notifyBody(out, "50");
  tampered.replace(tampered.find("<![CDATA[50]]>"), 14, "<![CDATA[5]]>");
  EXPECT_NE(std::string::npos, notify(tampered).find("签名错误"));
  EXPECT_NE(std::string::npos, notify(notifyBody(out, "51")).find("金额不符"));
  EXPECT_NE(std::string::npos, notify(notifyBody("PN-unknown", "50")).find("订单不存在"));
  EXPECT_NE(std::string::npos, notify("<xml><a>").find("报文格式错误"));
  EXPECT_NE(std::string::npos, notify("").find("报文格式错误"));
  EXPECT_EQ("CREATED", paymentStatus(out));
  EXPECT_EQ(0, count("SELECT COUNT(*) FROM ledger_entries"));
  EXPECT_EQ(0, count("SELECT COUNT(*) FROM chain_steps"));
  EXPECT_EQ(0, count("SELECT COUNT(*) FROM payment_notifications"));
}

TEST_F(WxpayFlowTest, SimulatorNotificationWithWrongAmountOrBadSignIsRefused) {
  const auto out = payOk("0.50", "");
  env_.simPay(out, ",\"total_fee_override\":49");
  auto out2 = payOk("0.50", "");
  env_.simPay(out2, ",\"bad_sign\":true");
  // The simulator keeps resending refused notifications; neither settles.
  ASSERT_TRUE(eventually([&] {
    auto a = env_.sim().get("/sim/orders/" + out).json();
    auto b = env_.sim().get("/sim/orders/" + out2).json();
    return a->getValue<int>("notify_attempts") >= 2 && b->getValue<int>("notify_attempts") >= 2;
  }));
  // They reached paynextd and were answered with the refusal.
  EXPECT_EQ("FAIL 金额不符", env_.sim().get("/sim/orders/" + out).json()->getValue<std::string>("last_notify_result"));
  EXPECT_EQ("FAIL 签名错误", env_.sim().get("/sim/orders/" + out2).json()->getValue<std::string>("last_notify_result"));
  EXPECT_EQ("CREATED", paymentStatus(out));
  EXPECT_EQ("CREATED", paymentStatus(out2));
  EXPECT_EQ(0, count("SELECT COUNT(*) FROM ledger_entries"));
}

TEST_F(WxpayFlowTest, RefusedRequestsStoreNothing) {
  auto expectRefused = [&](const std::string& money, const std::string& next, int code, const std::string& msg) {
    auto r = pay(money, next);
    EXPECT_EQ(code, r->getValue<int>("code")) << next;
    EXPECT_EQ(msg, r->getValue<std::string>("msg")) << next;
  };
  expectRefused("0", "", 300, "支付金额必须大于 0");
  expectRefused("-1", "", 300, "参数 money 格式错误,应为不超过两位小数的非负金额");
  expectRefused("0.001", "", 300, "参数 money 格式错误,应为不超过两位小数的非负金额");
  expectRefused("abc", "", 300, "参数 money 格式错误,应为不超过两位小数的非负金额");
  expectRefused("1", "{type:999}", 300, "nextAction 第 1 步:不支持的 type 999");
  expectRefused("1", "{type:1, id:5}", 300, "nextAction 第 1 步:type 1(支付知识付费订单)的模块未安装");
  expectRefused("1", "{type:900, mode:'sideways'}", 300,
                "nextAction 第 1 步:参数 mode 只能是 done、fail、retry、throw 或 conflict");
  expectRefused("1", "{type:900, nextAction:{type:900, value:{from:'config', key:'NOPE'}}}", 300,
                "nextAction 第 2 步:系统参数 NOPE 未配置");
  // Bytes that are not UTF-8 (a lone continuation byte, an overlong '/', a
  // surrogate) are refused before anything is stored, naming the field.
  for (const std::string bad : {"\x80", "\xC0\xAF", "\xED\xA0\x80", "ok\xFF"}) {
    auto r = env_.call("f1", "/pay/wx/wxapp", {{"token", token_}, {"money", "1"}, {"payName", bad}});
    EXPECT_EQ(300, r->getValue<int>("code"));
    EXPECT_EQ("参数 payName 不是有效的 UTF-8 文本", r->getValue<std::string>("msg"));
  }
  expectRefused("1", "{type:900, amount:101}", 30002,
                "支付金额 1.00 元加钱包余额 0.00 元,不足以支付 nextAction 所需的 1.01 元");
  ASSERT_EQ(200, env_.admin("PUT", "/factories/f1/modules/testkit", "{\"enabled\":false}").status);
  expectRefused("1", "{type:900}", 300,
                "nextAction 第 1 步:模块「测试模块」未启用,请先在后台“工厂设置 → 模块管理”中启用「测试模块」模块");
  EXPECT_EQ(0, count("SELECT COUNT(*) FROM payments"));
}

TEST_F(WxpayFlowTest, PaymentWithoutChannelConfigIsRefused) {
  env_.createFactory("f2", {});
  // A fresh factory has the channel set by createFactory; make another without it.
  ASSERT_EQ(201, env_.admin("POST", "/factories", "{\"name\":\"f3\",\"title\":\"x\"}").status);
  const auto token = env_.userToken("f3", "13800000009");
  auto r = env_.call("f3", "/pay/wx/wxapp", {{"token", token}, {"money", "1"}});
  EXPECT_EQ(300, r->getValue<int>("code"));
  EXPECT_EQ("本工厂未配置微信支付", r->getValue<std::string>("msg"));
  EXPECT_EQ(0, count("SELECT COUNT(*) FROM payments"));
}

// Private too: a private parameter is kept from /config/value, not from steps.
TEST_F(WxpayFlowTest, ConfigReferencesAreResolvedWhenTheStepRuns) {
  ASSERT_EQ(200, env_.admin("PUT", "/factories/f1/config/V", "{\"value\":\"first\",\"private\":true}").status);
  const auto out = payOk("0.10", "{type:900, value:{from:\"config\", key:\"V\"}}");
  ASSERT_EQ(200, env_.admin("PUT", "/factories/f1/config/V", "{\"value\":\"second\"}").status);
  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return chainSettled(out); }));
  EXPECT_EQ("second", db_.text("SELECT value FROM testkit_runs"));
}

TEST_F(WxpayFlowTest, FailedStepStopsTheChainAndTheMoneyStays) {
  const auto out = payOk("1.00", "{type:900, amount:10, nextAction:{type:900, mode:'fail', amount:20, "
                                 "nextAction:{type:900}}}");
  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return chainSettled(out); }));
  EXPECT_EQ("DONE,FAILED,SKIPPED", stepStatuses(out));
  EXPECT_EQ("testkit asked to fail", db_.text("SELECT last_error FROM chain_steps WHERE seq = 1"));
  EXPECT_EQ(1, count("SELECT COUNT(*) FROM testkit_runs"));  // the failed step's insert was undone
  EXPECT_DOUBLE_EQ(0.9, amount()->getValue<double>("balance"));
}

TEST_F(WxpayFlowTest, RetryBacksOffThenFailsAtTheCap) {
  const auto out = payOk("1.00", "{type:900, mode:'retry', amount:10}");
  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return chainSettled(out); }));
  EXPECT_EQ("FAILED", stepStatuses(out));
  EXPECT_EQ(3, count("SELECT attempts FROM chain_steps"));
  EXPECT_EQ("重试 3 次后仍未成功:testkit asked to retry", db_.text("SELECT last_error FROM chain_steps"));
  EXPECT_EQ(0, count("SELECT COUNT(*) FROM testkit_runs"));
  EXPECT_DOUBLE_EQ(1.0, amount()->getValue<double>("balance"));
}

TEST_F(WxpayFlowTest, ThrowingHandlerFailsItsStepAndTheServerStaysUp) {
  const auto out = payOk("1.00", "{type:900, mode:'throw'}");
  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return chainSettled(out); }));
  EXPECT_EQ("FAILED", stepStatuses(out));
  EXPECT_EQ("模块执行出错:testkit asked to throw", db_.text("SELECT last_error FROM chain_steps"));
  EXPECT_EQ(200, env_.api().get("/healthz").status);
}

}  // namespace
}  // namespace paynext::testing
