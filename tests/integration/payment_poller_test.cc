// Lost notifications and stale payments: the poller asks the channel.
#include <gtest/gtest.h>

#include "core/payments/wxpay/wxpay_sign.h"
#include "core/payments/wxpay/wxpay_xml.h"
#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

namespace wx = core::payments::wxpay;

class PaymentPollerTest : public ::testing::Test {
 protected:
  // The poller asks about a payment `delayMs` after its creation, then again each delay.
  explicit PaymentPollerTest(const std::string& delayMs = "0")
      : env_{EnvOptions{{"test:testkit"},
                        {{"poller.intervalMs", "50"}, {"poller.delayMs", delayMs}, {"payments.expiryMs", "400"}},
                        true}} {}
  void SetUp() override {
    env_.createFactory("f1", {"testkit"});
    token_ = env_.userToken("f1", "13800000000");
  }
  std::string payOk(const std::string& money, const std::string& nextAction) {
    auto r = env_.call("f1", "/pay/wx/wxapp", {{"token", token_}, {"money", money}, {"nextAction", nextAction}});
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    return r->getObject("data")->getValue<std::string>("outTradeId");
  }
  std::string status(const std::string& out) {
    return db_.text("SELECT status FROM payments WHERE out_trade_id = '" + out + "'");
  }

  PaynextEnv env_;
  DbProbe db_{env_.storage()};
  std::string token_;
};

TEST_F(PaymentPollerTest, LostNotificationIsCaughtByThePoller) {
  const auto out = payOk("0.40", "{type:900, amount:40}");
  env_.simPay(out, ",\"suppress_notify\":true");
  ASSERT_TRUE(eventually([&] { return db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'DONE'") == 1; }));
  EXPECT_EQ("PAID", status(out));
  EXPECT_EQ(0, env_.sim().get("/sim/orders/" + out).json()->getValue<int>("notify_attempts"));
  EXPECT_EQ("orderquery", db_.text("SELECT detail FROM payment_notifications"));
  EXPECT_EQ(0, db_.count("SELECT balance FROM wallets"));
  EXPECT_NE(std::string::npos, env_.log().find("settled by the poller"));
}

TEST_F(PaymentPollerTest, UnpaidPaymentIsClosedAndALateNotificationIsStillHonoured) {
  const auto out = payOk("0.40", "{type:900}");
  ASSERT_TRUE(eventually([&] { return status(out) == "CLOSED"; }));
  EXPECT_EQ("CLOSED", env_.sim().get("/sim/orders/" + out).json()->getValue<std::string>("state"));  // closeorder
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM chain_steps"));
  wx::Fields f{{"appid", kAppId},          {"mch_id", kMchId},          {"nonce_str", "n"},
               {"result_code", "SUCCESS"}, {"return_code", "SUCCESS"}, {"out_trade_no", out},
               {"total_fee", "40"},        {"transaction_id", "late"}};
  f["sign"] = wx::sign(f, kApiKey, wx::SignType::Md5);
  const auto reply = env_.api().send("POST", "/notify/wxpay/f1", wx::toXml(f), "text/xml").body;
  EXPECT_NE(std::string::npos, reply.find("SUCCESS"));
  EXPECT_EQ("PAID", status(out));
  ASSERT_TRUE(eventually([&] { return db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'DONE'") == 1; }));
  EXPECT_EQ(40, db_.count("SELECT balance FROM wallets"));
  EXPECT_NE(std::string::npos, env_.log().find("was closed but the channel says it was paid"));
}

// The poller first asks only once payments have expired (delay > expiry), so
// what it finds then decides: closed at the channel, or settled when paid.
class PaymentExpiryTest : public PaymentPollerTest {
 protected:
  PaymentExpiryTest() : PaymentPollerTest("600") {}
};

TEST_F(PaymentExpiryTest, ExpiredPaymentIsClosedAtTheChannelAndOnePaidMeanwhileIsSettled) {
  const auto unpaid = payOk("0.40", "{type:900}");
  const auto paid = payOk("0.30", "{type:900, amount:30}");
  env_.simPay(paid, ",\"suppress_notify\":true");  // its notification is lost
  ASSERT_TRUE(eventually([&] { return status(unpaid) == "CLOSED" && status(paid) == "PAID"; }));
  EXPECT_EQ("CLOSED", env_.sim().get("/sim/orders/" + unpaid).json()->getValue<std::string>("state"));
  EXPECT_EQ("SUCCESS", env_.sim().get("/sim/orders/" + paid).json()->getValue<std::string>("state"));
  ASSERT_TRUE(eventually([&] { return db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'DONE'") == 1; }));
  EXPECT_NE(std::string::npos, env_.log().find("expired unpaid and was closed at its channel"));
  EXPECT_NE(std::string::npos, env_.log().find("settled by the poller"));
}

}  // namespace
}  // namespace paynext::testing
