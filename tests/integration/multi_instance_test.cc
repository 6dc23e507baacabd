// Several paynextd instances on one database, as behind a load balancer: a
// notification delivered to all of them at once settles once, each step of
// the chain runs once, and a login made on one is valid on the others; and so
// when one of them is killed with SIGKILL in the middle of it all.
#include <atomic>
#include <csignal>
#include <exception>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "core/payments/wxpay/wxpay_sign.h"
#include "core/payments/wxpay/wxpay_xml.h"
#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

namespace wx = core::payments::wxpay;

class MultiInstanceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    first_.createFactory("f1", {"testkit"});
    token_ = first_.userToken("f1", "13800000000");
  }
  std::string signedNotification(const std::string& out, const std::string& totalFee) {
    wx::Fields f{{"appid", kAppId},          {"mch_id", kMchId},          {"nonce_str", "n1"},
                 {"result_code", "SUCCESS"}, {"return_code", "SUCCESS"}, {"out_trade_no", out},
                 {"total_fee", totalFee},    {"transaction_id", "4200"}, {"openid", "o1"}};
    f["sign"] = wx::sign(f, kApiKey, wx::SignType::Md5);
    return wx::toXml(f);
  }

  // Whether `env` answered the notification SUCCESS (a refused connection is no answer).
  bool delivered(const PaynextEnv& env, const std::string& xml) {
    try {
      const auto reply = env.api().send("POST", "/notify/wxpay/f1", xml, "text/xml");
      return reply.status == 200 &&
             reply.body.find("<return_code><![CDATA[SUCCESS]]></return_code>") != std::string::npos;
    } catch (const std::exception&) {
      return false;
    }
  }

  // Short leases, so a step the killed instance held is taken over quickly.
  static EnvOptions instance(const std::string& sharedStorage = "") {
    EnvOptions o{{"test:testkit"},
                 {{"worker.leaseMs", "2000"}, {"worker.threads", "auto"}},  // four threads each on PostgreSQL
                 sharedStorage.empty(),
                 "",
                 "",
                 "",
                 sharedStorage};
    return o;
  }

  PaynextEnv first_{instance()};
  // No simulator of its own: the factory's channel, in the shared database,
  // names the first env's.
  PaynextEnv second_{instance(first_.storage())};
  DbProbe db_{first_.storage()};
  std::string token_;
};

TEST_F(MultiInstanceTest, OneNotificationDeliveredToEveryInstanceAtOnceSettlesOnce) {
  // A login on the first instance is valid on the second.
  auto r = second_.call("f1", "/pay/wx/wxapp",
                        {{"token", token_},
                         {"money", "3.00"},
                         {"nextAction", "{type:900, value:\"a\", amount:100, nextAction:{type:900, value:\"b\", "
                                        "amount:100}}"}});
  ASSERT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
  const auto out = r->getObject("data")->getValue<std::string>("outTradeId");
  const std::string xml = signedNotification(out, "300");

  // Four deliveries to each instance, all at once.
  std::atomic<int> answeredSuccess{0};
  std::vector<std::string> failures(8);
  std::vector<std::thread> deliveries;
  for (int i = 0; i < 8; ++i) {
    deliveries.emplace_back([&, i] {
      const auto& env = i % 2 ? second_ : first_;
      const auto reply = env.api().send("POST", "/notify/wxpay/f1", xml, "text/xml");
      if (reply.status == 200 && reply.body.find("<return_code><![CDATA[SUCCESS]]></return_code>") != std::string::npos) {
        ++answeredSuccess;
      } else {
        failures[i] = std::to_string(reply.status) + " " + reply.body;
      }
    });
  }
  for (auto& d : deliveries) d.join();
  for (const auto& f : failures) EXPECT_EQ("", f);
  EXPECT_EQ(8, answeredSuccess.load());

  const std::string unfinished =
      "SELECT COUNT(*) FROM chain_steps s JOIN payments p ON p.id = s.payment_id WHERE p.out_trade_id = '" + out +
      "' AND s.status <> 'DONE'";
  ASSERT_TRUE(eventually([&] {
    return db_.text("SELECT status FROM payments WHERE out_trade_id = '" + out + "'") == "PAID" &&
           db_.count(unfinished) == 0;
  }));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM payment_notifications WHERE outcome = 'settled'"));
  EXPECT_EQ("a,b", db_.joined("SELECT value FROM testkit_runs ORDER BY value"));
  // Credited 3.00 once, debited 1.00 by each step.
  const auto amount = first_.call("f1", "/user/amount", {{"token", token_}})->getObject("data");
  EXPECT_DOUBLE_EQ(1.0, amount->getValue<double>("balance"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM ledger_entries WHERE amount = 300 AND currency = 'balance'"));
}

TEST_F(MultiInstanceTest, TwoHundredChainsSettleOnceWhileAnInstanceIsKilled) {
  constexpr int kPayments = 200;
  std::vector<std::string> xmls;
  for (int i = 0; i < kPayments; ++i) {
    auto r = (i % 2 ? second_ : first_)
                 .call("f1", "/pay/wx/wxapp",
                       {{"token", token_}, {"money", "0.03"}, {"nextAction", "{type:900, amount:1, nextAction:{type:900, amount:1}}"}});
    ASSERT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    xmls.push_back(signedNotification(r->getObject("data")->getValue<std::string>("outTradeId"), "3"));
  }

  // Every notification goes to both instances at once, from 8 senders; the
  // second instance is killed once half the deliveries were answered.
  std::atomic<int> next{0}, answered{0};
  std::vector<std::thread> senders;
  for (int t = 0; t < 8; ++t) {
    senders.emplace_back([&] {
      for (int i; (i = next++) < kPayments;) {
        std::thread other([&, i] { answered += delivered(second_, xmls[i]); });
        answered += delivered(first_, xmls[i]);
        other.join();
      }
    });
  }
  ASSERT_TRUE(eventually([&] { return answered.load() >= kPayments; }, std::chrono::seconds(60)));
  const int answeredAtKill = answered.load();
  second_.stopServer(SIGKILL);
  for (auto& s : senders) s.join();
  EXPECT_LT(answeredAtKill, 2 * kPayments) << "the kill came after every delivery";

  // The channel resends what it did not see acknowledged; here, everything once more to the survivor.
  for (const auto& xml : xmls) EXPECT_TRUE(delivered(first_, xml));
  ASSERT_TRUE(eventually(
      [&] { return db_.count("SELECT COUNT(*) FROM chain_steps WHERE status <> 'DONE'") == 0; },
      std::chrono::seconds(30)));
  EXPECT_EQ(kPayments, db_.count("SELECT COUNT(*) FROM payments WHERE status = 'PAID'"));
  EXPECT_EQ(kPayments, db_.count("SELECT COUNT(*) FROM payment_notifications WHERE outcome = 'settled'"));
  EXPECT_EQ(2 * kPayments, db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'DONE'"));
  // Each step ran once: one run per step key.
  EXPECT_EQ(2 * kPayments, db_.count("SELECT COUNT(*) FROM testkit_runs"));
  EXPECT_EQ(2 * kPayments, db_.count("SELECT COUNT(DISTINCT step_key) FROM testkit_runs"));
  // Every fen: 3 credited per payment, 1 debited per step, 1 left each.
  EXPECT_EQ(3 * kPayments, db_.count("SELECT SUM(amount) FROM ledger_entries WHERE amount > 0"));
  EXPECT_EQ(-2 * kPayments, db_.count("SELECT SUM(amount) FROM ledger_entries WHERE amount < 0"));
  EXPECT_EQ(3 * kPayments, db_.count("SELECT COUNT(*) FROM ledger_entries"));
  EXPECT_EQ(kPayments, db_.count("SELECT balance FROM wallets"));
}

TEST_F(MultiInstanceTest, AnAdminChangeOnOneInstanceIsInEffectOnTheOtherWithinOneSecond) {
  // Each instance keeps what it read of a factory for tenancy.cacheMs (500 ms
  // by default); the one that made a change drops its own copy at once.
  const auto pay = [&](PaynextEnv& env) {
    return env.call("f1", "/pay/wx/wxapp", {{"token", token_}, {"money", "0.01"}, {"nextAction", "{type:900}"}});
  };
  const auto within = std::chrono::seconds(1);
  ASSERT_EQ(200, second_.admin("PUT", "/factories/f1/config/SHOP_NAME", "{\"value\":\"小店\"}").status);
  EXPECT_TRUE(eventually(
      [&] {
        return first_.api().postForm("/f1/config/value", {{"key", "SHOP_NAME"}}).body ==
               "{\"code\":0,\"data\":\"小店\",\"msg\":\"success\"}";
      },
      within));

  auto before = pay(second_);  // the second instance has read the channel's settings
  ASSERT_EQ(0, before->getValue<int>("code")) << before->getValue<std::string>("msg");
  ASSERT_EQ("MD5", before->getObject("data")->getValue<std::string>("signType"));
  ASSERT_EQ(200, first_.admin("PUT", "/factories/f1/channels/wxpay",
                              std::string("{\"appId\":\"") + kAppId + "\",\"mchId\":\"" + kMchId +
                                  "\",\"apiKey\":\"" + kApiKey + "\",\"signType\":\"HMAC-SHA256\",\"gatewayUrl\":\"" +
                                  "http://127.0.0.1:" + std::to_string(first_.sim().port()) + "\"}")
                     .status);
  EXPECT_EQ("HMAC-SHA256", pay(first_)->getObject("data")->getValue<std::string>("signType")) << "at once where made";
  EXPECT_TRUE(eventually(
      [&] {
        auto paid = pay(second_);
        return paid->getValue<int>("code") == 0 &&
               paid->getObject("data")->getValue<std::string>("signType") == "HMAC-SHA256";
      },
      within));

  ASSERT_EQ(200, first_.admin("PUT", "/factories/f1/modules/testkit", "{\"enabled\":false}").status);
  const std::string refusal =
      "nextAction 第 1 步:模块「测试模块」未启用,请先在后台“工厂设置 → 模块管理”中启用「测试模块」模块";
  EXPECT_EQ(refusal, pay(first_)->getValue<std::string>("msg"));
  EXPECT_TRUE(eventually([&] { return pay(second_)->getValue<std::string>("msg") == refusal; }, within));
  const auto payments = db_.count("SELECT COUNT(*) FROM payments");
  EXPECT_EQ(refusal, pay(second_)->getValue<std::string>("msg"));
  EXPECT_EQ(payments, db_.count("SELECT COUNT(*) FROM payments")) << "a refused payment is not stored";
}

}  // namespace
}  // namespace paynext::testing
