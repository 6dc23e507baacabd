// What the host offers plugins beyond their own tables, over HTTP against a
// real paynextd: a service one module provides and another uses, scheduled
// jobs on a clock tests can move, other users' wallets and look-ups, and a
// step's outside effect through the host's HTTP client.
#include <gtest/gtest.h>

#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"
#include "tests/support/local_http_server.h"

namespace paynext::testing {
namespace {

// Test plugins, a clock tests can move and jobs looked for every 100 ms.
EnvOptions platformOptions(
    std::vector<std::string> plugins = {"test:testkit", "test:svc_provider", "test:svc_consumer"},
    std::map<std::string, std::string> config = {{"testing.clockControl", "true"}, {"jobs.tickMs", "100"}}) {
  EnvOptions o;
  o.plugins = std::move(plugins);
  o.config = std::move(config);
  return o;
}

class PluginPlatformTest : public ::testing::Test {
 protected:
  explicit PluginPlatformTest(EnvOptions options = platformOptions()) : env_(std::move(options)) {}

  // Asks for a WeChat payment of `money` with the chain; the envelope.
  Poco::JSON::Object::Ptr pay(const std::string& factory, const std::string& token, const std::string& money,
                              const std::string& nextAction) {
    return env_.call(factory, "/pay/wx/wxapp", {{"token", token}, {"money", money}, {"nextAction", nextAction}});
  }
  // Pays and waits until the chain's steps are no longer pending.
  std::string payAndSettle(const std::string& factory, const std::string& token, const std::string& money,
                           const std::string& nextAction) {
    auto r = pay(factory, token, money, nextAction);
    if (r->getValue<int>("code") != 0) throw std::runtime_error(r->getValue<std::string>("msg"));
    const auto out = r->getObject("data")->getValue<std::string>("outTradeId");
    env_.simPay(out);
    // One query, so the steps cannot be written between two reads of them.
    EXPECT_TRUE(eventually([&] {
      return db_.count("SELECT CASE WHEN COUNT(*) > 0 AND SUM(CASE WHEN s.status IN ('PENDING', 'RUNNING', "
                       "'RETRY') THEN 1 ELSE 0 END) = 0 THEN 1 ELSE 0 END FROM chain_steps s JOIN payments p "
                       "ON p.id = s.payment_id WHERE p.out_trade_id = '" + out + "'") == 1;
    }));
    return out;
  }
  std::string step(const std::string& out, const std::string& column) {
    return db_.text("SELECT s." + column + " FROM chain_steps s JOIN payments p ON p.id = s.payment_id WHERE " +
                    "p.out_trade_id = '" + out + "' ORDER BY s.seq LIMIT 1");
  }
  std::int64_t userId(const std::string& mobile) {
    return db_.count("SELECT id FROM users WHERE mobile = '" + mobile + "'");
  }
  std::int64_t balance(const std::string& mobile) {
    return db_.count("SELECT w.balance FROM wallets w JOIN users u ON u.id = w.user_id WHERE u.mobile = '" + mobile +
                     "'");
  }

  PaynextEnv env_;
  DbProbe db_{env_.storage()};
};

TEST_F(PluginPlatformTest, AServiceOfAnotherModuleIsUsedOnlyWhereThatModuleIsEnabled) {
  env_.createFactory("f1", {"svcuse"});
  const auto token = env_.userToken("f1", "13800000000");
  auto r = pay("f1", token, "0.01", "{type:910, text:'你好'}");
  EXPECT_EQ(300, r->getValue<int>("code"));
  EXPECT_EQ("nextAction 第 1 步:模块「服务提供测试」未启用,请先在后台“工厂设置 → 模块管理”中启用「服务提供测试」模块",
            r->getValue<std::string>("msg"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM payments"));

  ASSERT_EQ(200, env_.admin("PUT", "/factories/f1/modules/svcprov", R"({"enabled":true})").status);
  const auto out = payAndSettle("f1", token, "0.01", "{type:910, text:'你好'}");
  EXPECT_EQ("DONE", step(out, "status"));
  EXPECT_EQ(R"({"echo":"echo:你好"})", step(out, "result"));
  // The provider wrote its own table in the consumer's step transaction.
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM svcprov_calls WHERE text = '你好'"));
}

TEST_F(PluginPlatformTest, JobsRunPerEnabledFactoryOncePerPeriodOnTheHostsClock) {
  env_.createFactory("on", {"testkit"});
  env_.createFactory("off", {});
  const auto on = db_.count("SELECT id FROM factories WHERE name = 'on'");
  const auto off = db_.count("SELECT id FROM factories WHERE name = 'off'");
  const std::string ticksOn = "SELECT COUNT(*) FROM testkit_ticks WHERE factory_id = " + std::to_string(on);
  ASSERT_TRUE(eventually([&] { return db_.count(ticksOn) == 1; }));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM testkit_ticks WHERE factory_id = " + std::to_string(off)));

  // A minute later by the host's clock, the job is due again.
  auto moved = env_.admin("PUT", "/testing/clock", R"({"offsetMs":61000})");
  ASSERT_EQ(200, moved.status) << moved.body;
  EXPECT_EQ(61000, moved.json()->getValue<std::int64_t>("offsetMs"));
  ASSERT_TRUE(eventually([&] { return db_.count(ticksOn) == 2; }));
  const auto first = db_.count("SELECT MIN(at) FROM testkit_ticks");
  const auto second = db_.count("SELECT MAX(at) FROM testkit_ticks");
  EXPECT_GE(second - first, 61000);
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM job_runs WHERE job_key = 'testkit/tick/" + std::to_string(on) +
                         "' AND runs = 2 AND last_error = ''"));
}

TEST_F(PluginPlatformTest, AFailingJobRollsBackAndRecordsWhy) {
  env_.createFactory("f1", {"testkit"});
  ASSERT_EQ(200, env_.admin("PUT", "/factories/f1/config/testkit.jobFails", R"({"value":"1"})").status);
  ASSERT_TRUE(eventually([&] {
    return db_.text("SELECT last_error FROM job_runs WHERE module = 'testkit'") == "testkit job asked to fail";
  }));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM testkit_ticks"));
}

TEST_F(PluginPlatformTest, AStepCreditsAnotherUserOfItsFactoryOnly) {
  env_.createFactory("f1", {"testkit"});
  env_.createFactory("f2", {"testkit"});
  const auto payer = env_.userToken("f1", "13800000000");
  env_.userToken("f1", "13800000001");
  env_.userToken("f2", "13800000002");
  const auto seller = userId("13800000001"), stranger = userId("13800000002");

  auto out = payAndSettle("f1", payer, "1.00",
                          "{type:900, amount:100, creditUser:" + std::to_string(seller) + ", creditAmount:90}");
  EXPECT_EQ("DONE", step(out, "status"));
  EXPECT_EQ(0, balance("13800000000"));
  EXPECT_EQ(90, balance("13800000001"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM ledger_entries WHERE user_id = " + std::to_string(seller) +
                         " AND amount = 90 AND reason = 'testkit share' AND origin = '" + out + "-0'"));

  out = payAndSettle("f1", payer, "1.00",
                     "{type:900, amount:100, creditUser:" + std::to_string(stranger) + ", creditAmount:90}");
  EXPECT_EQ("FAILED", step(out, "status"));
  EXPECT_EQ("用户 " + std::to_string(stranger) + " 不存在", step(out, "last_error"));
  EXPECT_EQ(100, balance("13800000000")) << "the failed step debited nothing; the money stays in the wallet";
  EXPECT_EQ(0, balance("13800000002"));
}

TEST_F(PluginPlatformTest, ARouteMovesMoneyBetweenUsersAndLooksThemUp) {
  env_.createFactory("f1", {"testkit"});
  env_.createFactory("f2", {"testkit"});
  const auto payer = env_.userToken("f1", "13800000000");
  env_.userToken("f1", "13912345678");
  env_.userToken("f2", "13700000000");
  payAndSettle("f1", payer, "0.50", "{type:900}");
  const auto to = std::to_string(userId("13912345678")), stranger = std::to_string(userId("13700000000"));

  auto r = env_.call("f1", "/testkit/transfer", {{"token", payer}, {"to", stranger}, {"amount", "20"}});
  EXPECT_EQ(700, r->getValue<int>("code"));
  EXPECT_EQ("用户 " + stranger + " 不存在", r->getValue<std::string>("msg"));
  EXPECT_EQ(50, balance("13800000000")) << "nothing moved";
  r = env_.call("f1", "/testkit/transfer", {{"token", payer}, {"to", to}, {"amount", "60"}});
  EXPECT_EQ(30002, r->getValue<int>("code")) << "never below zero";
  r = env_.call("f1", "/testkit/transfer", {{"token", payer}, {"to", to}, {"amount", "20"}});
  ASSERT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
  EXPECT_EQ(30, balance("13800000000"));
  EXPECT_EQ(20, balance("13912345678"));

  auto user = env_.api().get("/f1/testkit/user?id=" + to).json();
  ASSERT_EQ(0, user->getValue<int>("code"));
  EXPECT_EQ("139****5678", user->getObject("data")->getValue<std::string>("mobile"));
  user = env_.api().get("/f1/testkit/user?id=" + stranger).json();
  EXPECT_EQ(700, user->getValue<int>("code"));
}

TEST_F(PluginPlatformTest, AStepsOutsideCallGoesThroughTheHostClientWithItsKey) {
  LocalHttpServer partner([](const LocalRequest&) { return LocalReply{200, "accepted"}; });
  env_.createFactory("f1", {"testkit"});
  const auto token = env_.userToken("f1", "13800000000");
  const auto out = payAndSettle("f1", token, "0.01", "{type:901, url:'" + partner.url("/result") + "'}");
  EXPECT_EQ("DONE", step(out, "status"));
  ASSERT_EQ(1u, partner.requests().size());
  EXPECT_EQ(out + "-0", partner.requests()[0].header("Idempotency-Key"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM testkit_runs WHERE value = 'accepted' AND step_key = '" + out + "-0'"));
}

TEST_F(PluginPlatformTest, OnlyAPlatformAdminMovesTheTestClock) {
  env_.createFactory("f1", {});
  ASSERT_EQ(201, env_.admin("POST", "/admins", R"({"role":"factory","factory":"f1","username":"alice","password":"alice-pass-1"})")
                     .status);
  const auto login = env_.api().send("POST", "/admin/api/login", R"({"username":"alice","password":"alice-pass-1"})",
                                     "application/json");
  ASSERT_EQ(200, login.status) << login.body;
  const auto token = login.json()->getValue<std::string>("token");
  const auto r = env_.api().send("PUT", "/admin/api/testing/clock", R"({"offsetMs":5})", "application/json",
                                 {{"Authorization", "Bearer " + token}});
  EXPECT_EQ(403, r.status);
  EXPECT_EQ(0, env_.admin("GET", "/testing/clock").json()->getValue<std::int64_t>("offsetMs"));
}

class PluginPlatformWithoutProviderTest : public PluginPlatformTest {
 protected:
  PluginPlatformWithoutProviderTest() : PluginPlatformTest(platformOptions({"test:svc_consumer"}, {})) {}
};

TEST_F(PluginPlatformWithoutProviderTest, AServiceNobodyProvidesIsRefusedAtCreation) {
  env_.createFactory("f1", {"svcuse"});
  const auto token = env_.userToken("f1", "13800000000");
  auto r = pay("f1", token, "0.01", "{type:910, text:'hi'}");
  EXPECT_EQ(300, r->getValue<int>("code"));
  EXPECT_EQ("nextAction 第 1 步:需要「回声」服务(echo v1),但提供它的模块未安装,请联系平台管理员",
            r->getValue<std::string>("msg"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM payments"));
  // Without testing.clockControl there is no clock to move.
  EXPECT_EQ(404, env_.admin("PUT", "/testing/clock", R"({"offsetMs":1})").status);
}

}  // namespace
}  // namespace paynext::testing
