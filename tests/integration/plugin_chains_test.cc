// The real plugins (orders, sms, deposit) run as nextAction chains after a
// WeChat Pay notification, as the documents describe them.
#include <chrono>

#include <gtest/gtest.h>

#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/fake_sms_provider.h"
#include "tests/integration/support/goods_orders.h"
#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

class PluginChainsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.createFactory("f1", {"orders", "sms", "deposit"});
    token_ = env_.userToken("f1", "13800000000");
  }
  Poco::JSON::Object::Ptr call(const std::string& path, std::map<std::string, std::string> fields) {
    fields["token"] = token_;
    return env_.call("f1", path, fields);
  }
  std::int64_t createOrder(const std::string& amount, const std::string& token = "") {
    return orderPricedAt(env_, "f1", token.empty() ? token_ : token, amount);
  }
  // Pays through WeChat with the chain; returns the out trade id once every step finished.
  std::string payAndSettle(const std::string& money, const std::string& nextAction) {
    auto r = call("/pay/wx/wxapp", {{"money", money}, {"nextAction", nextAction}});
    if (r->getValue<int>("code") != 0) throw std::runtime_error(r->getValue<std::string>("msg"));
    const auto out = r->getObject("data")->getValue<std::string>("outTradeId");
    env_.simPay(out);
    const std::string unfinished =
        "SELECT COUNT(*) FROM chain_steps s JOIN payments p ON p.id = s.payment_id WHERE p.out_trade_id = '" + out +
        "' AND s.status IN ('PENDING', 'RUNNING', 'RETRY')";
    const std::string paid = "SELECT COUNT(*) FROM payments WHERE status = 'PAID' AND out_trade_id = '" + out + "'";
    EXPECT_TRUE(eventually([&] { return db_.count(paid) == 1 && db_.count(unfinished) == 0; }));
    return out;
  }
  std::string stepStatus(int seq) {
    return db_.text("SELECT status FROM chain_steps WHERE seq = " + std::to_string(seq));
  }
  std::int64_t addSmsSetting(const std::string& kind, const std::string& url) {
    auto r = env_.admin("POST", "/factories/f1/modules/sms/settings",
                        "{\"kind\":\"" + kind + "\",\"providerUrl\":\"" + url +
                            "\",\"signName\":\"工厂\",\"templateCode\":\"T1\"}");
    EXPECT_EQ(201, r.status) << r.body;
    return r.json()->getValue<std::int64_t>("id");
  }

  PaynextEnv env_;
  DbProbe db_{env_.storage()};
  std::string token_;
};

TEST_F(PluginChainsTest, PaysMallOrdersThenStaysAtZero) {
  const auto a = createOrder("12.50"), b = createOrder("0.50");
  payAndSettle("13.00", "{type:0, id:\"" + std::to_string(a) + "," + std::to_string(b) + "\"}");
  EXPECT_EQ("DONE", stepStatus(0));
  auto detail = call("/order/detail", {{"id", std::to_string(a)}});
  EXPECT_EQ("PAID", detail->getObject("data")->getValue<std::string>("status"));
  EXPECT_DOUBLE_EQ(0, call("/user/amount", {})->getObject("data")->getValue<double>("balance"));
  EXPECT_DOUBLE_EQ(13, call("/user/amount", {})->getObject("data")->getValue<double>("totleConsumed"));
}

TEST_F(PluginChainsTest, AnotherUsersOrderIsRefusedAtCreation) {
  const auto other = env_.userToken("f1", "13900000000");
  const auto theirs = createOrder("1.00", other);
  auto r = call("/pay/wx/wxapp", {{"money", "1"}, {"nextAction", "{type:0, id:" + std::to_string(theirs) + "}"}});
  EXPECT_EQ(700, r->getValue<int>("code"));
  EXPECT_EQ("nextAction 第 1 步:订单 " + std::to_string(theirs) + " 不存在", r->getValue<std::string>("msg"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM payments"));
}

TEST_F(PluginChainsTest, OrderThenSmsWithConfigReferences) {
  FakeSmsProvider provider;
  const auto sms = addSmsSetting("normal", provider.url());
  ASSERT_EQ(200, env_.admin("PUT", "/factories/f1/config/SEND_MOBILE", "{\"value\":\"13500000000\"}").status);
  ASSERT_EQ(200, env_.admin("PUT", "/factories/f1/config/SMS_PRODUCT_NAME", "{\"value\":\"工厂\"}").status);
  const auto order = createOrder("2.00");
  const auto out = payAndSettle(
      "2.00", "{type:0, id:" + std::to_string(order) + ", nextAction:{type:2, smsId:" + std::to_string(sms) +
                  ", mobile:{from:\"config\", key:\"SEND_MOBILE\"}, postJsonString:{code:9988, "
                  "product:{from:\"config\", key:\"SMS_PRODUCT_NAME\"}}}}");
  EXPECT_EQ("DONE", stepStatus(1));
  auto got = provider.received();
  ASSERT_EQ(1u, got.size());
  EXPECT_EQ(out + "-1", got[0].idempotencyKey);
  EXPECT_NE(std::string::npos, got[0].body.find("\"mobile\":\"13500000000\""));
  EXPECT_NE(std::string::npos, got[0].body.find("\"product\":\"工厂\""));
  EXPECT_NE(std::string::npos, got[0].body.find("\"code\":\"9988\""));
}

TEST_F(PluginChainsTest, SmsProviderFailureRetriesWithTheSameKey) {
  FakeSmsProvider provider;
  provider.queueStatus(503);
  const auto sms = addSmsSetting("normal", provider.url());
  payAndSettle("0.01", "{type:2, smsId:" + std::to_string(sms) +
                           ", mobile:'13500000000', postJsonString:'{\"code\":\"1\"}'}");
  EXPECT_EQ("DONE", stepStatus(0));
  EXPECT_EQ(2, db_.count("SELECT attempts FROM chain_steps"));
  auto got = provider.received();
  ASSERT_EQ(2u, got.size());
  EXPECT_EQ(got[0].idempotencyKey, got[1].idempotencyKey);
}

TEST_F(PluginChainsTest, AHangingSmsProviderStallsNoOtherWrites) {
  // The send runs outside the step's transaction: while the provider holds
  // its answer back, another factory's users register and log in (writes)
  // as quickly as ever, and the step then completes.
  FakeSmsProvider provider;
  provider.setDelay(8000);
  const auto sms = addSmsSetting("normal", provider.url());
  auto r = call("/pay/wx/wxapp", {{"money", "0.01"},
                                  {"nextAction", "{type:2, smsId:" + std::to_string(sms) +
                                                     ", mobile:'13500000000', postJsonString:{code:1}}"}});
  ASSERT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
  env_.createFactory("f2", {"orders"});
  env_.simPay(r->getObject("data")->getValue<std::string>("outTradeId"));
  ASSERT_TRUE(eventually([&] { return provider.received().size() == 1; }));
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 3; ++i) env_.userToken("f2", "1390000000" + std::to_string(i));
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(1u, provider.received().size()) << "the provider is still holding its answer";
  EXPECT_LT(took, std::chrono::seconds(4)) << "writes waited for the provider";
  EXPECT_TRUE(eventually([&] { return stepStatus(0) == "DONE"; }, std::chrono::seconds(30)));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM sms_messages"));
}

TEST_F(PluginChainsTest, SmsRefusalsAtCreation) {
  const auto verify = addSmsSetting("verify", "http://127.0.0.1:9/send");
  auto r = call("/pay/wx/wxapp", {{"money", "1"},
                                  {"nextAction", "{type:2, smsId:" + std::to_string(verify) +
                                                     ", mobile:'13500000000', postJsonString:{code:1}}"}});
  EXPECT_EQ(300, r->getValue<int>("code"));
  EXPECT_EQ("nextAction 第 1 步:短信设置 " + std::to_string(verify) +
                " 是验证码类型,不能用于发送短信,请使用类型为“普通短信”的短信设置",
            r->getValue<std::string>("msg"));
  r = call("/pay/wx/wxapp", {{"money", "1"}, {"nextAction", "{type:2, smsId:999, mobile:'135', postJsonString:{}}"}});
  EXPECT_EQ(300, r->getValue<int>("code"));
  EXPECT_EQ("nextAction 第 1 步:参数 mobile 格式错误,应为以 1 开头的 11 位手机号码", r->getValue<std::string>("msg"));
  ASSERT_EQ(200, env_.admin("PUT", "/factories/f1/modules/sms", "{\"enabled\":false}").status);
  r = call("/pay/wx/wxapp", {{"money", "1"},
                             {"nextAction", "{type:2, smsId:1, mobile:'13500000000', postJsonString:{code:1}}"}});
  EXPECT_EQ("nextAction 第 1 步:模块「短信验证码」未启用,请先在后台“工厂设置 → 模块管理”中启用「短信验证码」模块",
            r->getValue<std::string>("msg"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM payments"));
}

TEST_F(PluginChainsTest, DepositFreezesTheAmount) {
  payAndSettle("3.00", "{\"type\": 5, \"amount\": 3, \"refCode\": \"R1\", \"remark\": \"押金\", "
                       "\"extJsonStr\": \"{\\\"room\\\":8}\",}");
  auto amounts = call("/user/amount", {})->getObject("data");
  EXPECT_DOUBLE_EQ(0, amounts->getValue<double>("balance"));
  EXPECT_DOUBLE_EQ(3, amounts->getValue<double>("freeze"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM deposit_deposits WHERE ref_code = 'R1'"));
}

TEST_F(PluginChainsTest, ModuleRoutesAnswerOnlyWhereEnabled) {
  ASSERT_EQ(200, env_.admin("PUT", "/factories/f1/modules/orders", "{\"enabled\":false}").status);
  auto r = call("/order/create", {{"goodsJsonStr", R"([{"goodsId":1,"number":1}])"}});
  EXPECT_EQ(404, r->getValue<int>("code"));
  EXPECT_EQ("模块「商城订单」未启用,请先在后台“工厂设置 → 模块管理”中启用", r->getValue<std::string>("msg"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM orders_orders"));
}

TEST_F(PluginChainsTest, OrderPayWithBalanceRefusesWhenShort) {
  const auto order = createOrder("5.00");
  auto r = call("/order/pay", {{"id", std::to_string(order)}});
  EXPECT_EQ(30002, r->getValue<int>("code"));
  EXPECT_EQ("余额不足", r->getValue<std::string>("msg"));
  EXPECT_EQ("UNPAID", db_.text("SELECT status FROM orders_orders"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM ledger_entries"));
}

}  // namespace
}  // namespace paynext::testing
