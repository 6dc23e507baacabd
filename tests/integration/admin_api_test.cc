// The admin API beyond factory creation: modules, system parameters,
// channels, payment inspection, manual retry and close, and the audit log.
#include <gtest/gtest.h>

#include <Poco/JSON/Parser.h>

#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

class AdminApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.createFactory("f1", {"testkit"});
    token_ = env_.userToken("f1", "13800000000");
  }
  Poco::JSON::Array::Ptr array(const HttpResult& r) {
    return Poco::JSON::Parser().parse(r.body).extract<Poco::JSON::Array::Ptr>();
  }
  std::string pay(const std::string& nextAction) {
    auto r = env_.call("f1", "/pay/wx/wxapp", {{"token", token_}, {"money", "1.00"}, {"nextAction", nextAction}});
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    return r->getObject("data")->getValue<std::string>("outTradeId");
  }
  bool stepIs(const std::string& status) {
    return db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = '" + status + "'") > 0;
  }

  PaynextEnv env_;
  DbProbe db_{env_.storage()};
  std::string token_;
};

TEST_F(AdminApiTest, ModulesListShowsManifestAndState) {
  auto list = array(env_.admin("GET", "/factories/f1/modules"));
  std::map<std::string, Poco::JSON::Object::Ptr> byName;
  for (std::size_t i = 0; i < list->size(); ++i) byName[list->getObject(i)->getValue<std::string>("name")] = list->getObject(i);
  ASSERT_EQ(4u, byName.size());
  EXPECT_TRUE(byName["testkit"]->getValue<bool>("enabled"));
  EXPECT_FALSE(byName["sms"]->getValue<bool>("enabled"));
  EXPECT_EQ("短信验证码", byName["sms"]->getValue<std::string>("title"));
  auto type = byName["sms"]->getArray("actionTypes")->getObject(0);
  EXPECT_EQ(2, type->getValue<int>("code"));
  EXPECT_GE(type->getArray("params")->size(), 3u);
  // A module's own admin routes are listed, for the console's 模块设置.
  auto routes = byName["sms"]->getArray("adminRoutes");
  ASSERT_EQ(2u, routes->size());
  EXPECT_EQ("/settings", routes->getObject(0)->getValue<std::string>("path"));
  EXPECT_EQ("短信设置", routes->getObject(0)->getValue<std::string>("title"));
  EXPECT_EQ("GET", routes->getObject(1)->getValue<std::string>("method"));
  EXPECT_EQ(0u, byName["testkit"]->getArray("adminRoutes")->size());
}

TEST_F(AdminApiTest, SystemParametersListSetDelete) {
  ASSERT_EQ(200, env_.admin("PUT", "/factories/f1/config/A", "{\"value\":\"1\"}").status);
  ASSERT_EQ(200, env_.admin("PUT", "/factories/f1/config/B", "{\"value\":\"2\"}").status);
  EXPECT_EQ("{\"A\":\"1\",\"B\":\"2\"}", env_.admin("GET", "/factories/f1/config").body);
  EXPECT_EQ(204, env_.admin("DELETE", "/factories/f1/config/A").status);
  EXPECT_EQ("{\"B\":\"2\"}", env_.admin("GET", "/factories/f1/config").body);
  auto r = env_.admin("DELETE", "/factories/f1/config/A");
  EXPECT_EQ(404, r.status);
  EXPECT_EQ("{\"error\":{\"message\":\"系统参数 A 不存在\",\"status\":404}}", r.body);
  r = env_.admin("PUT", "/factories/f1/config/C", "{}");
  EXPECT_EQ(400, r.status);
  r = env_.admin("PUT", "/factories/f1/config/C", "{\"value\":\"a\xC0\xAF" "b\"}");
  EXPECT_EQ(400, r.status);
  // Poco's JSON parser refuses bad UTF-8 itself; forms and queries are checked by paynext.
  EXPECT_EQ("{\"error\":{\"message\":\"请求体不是有效的 JSON:invalid UTF-8 character\",\"status\":400}}", r.body);
  EXPECT_EQ("{\"B\":\"2\"}", env_.admin("GET", "/factories/f1/config").body);
}

TEST_F(AdminApiTest, ABadQueryEscapeIsRefusedNotAnInternalError) {
  const std::string before = env_.admin("GET", "/audit").body;
  auto r = env_.admin("GET", "/audit?limit=%C%0AF");
  EXPECT_EQ(400, r.status);
  EXPECT_EQ("{\"error\":{\"message\":\"查询字符串格式错误:URI encoding: not a hex digit\",\"status\":400}}",
            r.body);
  EXPECT_EQ(before, env_.admin("GET", "/audit").body);
}

TEST_F(AdminApiTest, ChannelsAreShownWithoutSecrets) {
  auto r = env_.admin("GET", "/factories/f1/channels");
  EXPECT_EQ(200, r.status);
  EXPECT_NE(std::string::npos, r.body.find("\"apiKeySet\":true"));
  EXPECT_EQ(std::string::npos, r.body.find(kApiKey));
}

TEST_F(AdminApiTest, DisabledFactoryIsNotServed) {
  auto r = env_.admin("PUT", "/factories/f1", "{\"enabled\":false}");
  EXPECT_EQ(200, r.status);
  auto mobile = env_.api().postForm("/f1/user/amount", {{"token", token_}});
  EXPECT_EQ(404, mobile.status);
  EXPECT_EQ("工厂 f1 不存在", mobile.json()->getValue<std::string>("msg"));
  ASSERT_EQ(200, env_.admin("PUT", "/factories/f1", "{\"enabled\":true}").status);
  EXPECT_EQ(0, env_.call("f1", "/user/amount", {{"token", token_}})->getValue<int>("code"));
}

TEST_F(AdminApiTest, PaymentSearchAndDetailShowTheWholeStory) {
  const auto paid = pay("{type:900, amount:25, nextAction:{type:900, value:'x'}}");
  const auto open = pay("");
  env_.simPay(paid);
  ASSERT_TRUE(eventually([&] { return db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'DONE'") == 2; }));
  auto list = array(env_.admin("GET", "/factories/f1/payments?status=PAID"));
  ASSERT_EQ(1u, list->size());
  EXPECT_EQ(paid, list->getObject(0)->getValue<std::string>("outTradeId"));
  EXPECT_EQ(2u, array(env_.admin("GET", "/factories/f1/payments"))->size());
  EXPECT_EQ(open, array(env_.admin("GET", "/factories/f1/payments?status=CREATED"))->getObject(0)->getValue<std::string>("outTradeId"));
  EXPECT_EQ(0u, array(env_.admin("GET", "/factories/f1/payments?user=999"))->size());

  auto detail = env_.admin("GET", "/factories/f1/payments/" + paid).json();
  EXPECT_EQ("PAID", detail->getValue<std::string>("status"));
  EXPECT_EQ(100, detail->getValue<int>("amount"));
  EXPECT_EQ(1u, detail->getArray("notifications")->size());
  auto ledger = detail->getArray("ledger");
  ASSERT_EQ(2u, ledger->size());
  EXPECT_EQ(100, ledger->getObject(0)->getValue<int>("amount"));
  EXPECT_EQ(-25, ledger->getObject(1)->getValue<int>("amount"));
  EXPECT_EQ(paid + "-0", ledger->getObject(1)->getValue<std::string>("origin"));
  auto steps = detail->getArray("steps");
  ASSERT_EQ(2u, steps->size());
  EXPECT_EQ("DONE", steps->getObject(1)->getValue<std::string>("status"));
  EXPECT_EQ(1, steps->getObject(1)->getValue<int>("attempts"));
}

TEST_F(AdminApiTest, BadQueriesAndUnknownPaymentsAreRefused) {
  auto r = env_.admin("GET", "/factories/f1/payments?limit=0");
  EXPECT_EQ(400, r.status);
  EXPECT_EQ("{\"error\":{\"message\":\"参数 limit 应为 1 到 500 的整数\",\"status\":400}}", r.body);
  r = env_.admin("GET", "/factories/f1/payments?from=yesterday");
  EXPECT_EQ(400, r.status);
  r = env_.admin("GET", "/factories/f1/payments/PNnope");
  EXPECT_EQ(404, r.status);
  EXPECT_EQ("{\"error\":{\"message\":\"支付 PNnope 不存在\",\"status\":404}}", r.body);
  r = env_.admin("GET", "/factories/nope/payments");
  EXPECT_EQ(404, r.status);
}

TEST_F(AdminApiTest, FailedStepIsRetriedAfterTheCauseIsFixed) {
  ASSERT_EQ(200, env_.admin("PUT", "/factories/f1/config/MODE", "{\"value\":\"fail\"}").status);
  const auto out = pay("{type:900, mode:{from:'config', key:'MODE'}, nextAction:{type:900}}");
  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return stepIs("SKIPPED"); }));
  auto r = env_.admin("POST", "/factories/f1/payments/" + out + "/retry", "{}");
  // Still failing: retried once more, fails again.
  EXPECT_EQ(200, r.status);
  ASSERT_TRUE(eventually([&] { return stepIs("SKIPPED"); }));
  ASSERT_EQ(200, env_.admin("PUT", "/factories/f1/config/MODE", "{\"value\":\"done\"}").status);
  EXPECT_EQ(200, env_.admin("POST", "/factories/f1/payments/" + out + "/retry", "{}").status);
  ASSERT_TRUE(eventually([&] { return db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'DONE'") == 2; }));
  EXPECT_EQ(2, db_.count("SELECT COUNT(*) FROM testkit_runs"));
  r = env_.admin("POST", "/factories/f1/payments/" + out + "/retry", "{}");
  EXPECT_EQ(409, r.status);
  EXPECT_EQ("{\"error\":{\"message\":\"支付 " + out + " 没有失败的步骤\",\"status\":409}}", r.body);
}

TEST_F(AdminApiTest, OnlyUnpaidPaymentsCanBeClosed) {
  const auto open = pay("");
  auto r = env_.admin("POST", "/factories/f1/payments/" + open + "/close", "{}");
  EXPECT_EQ(200, r.status);
  EXPECT_EQ("CLOSED", r.json()->getValue<std::string>("status"));
  r = env_.admin("POST", "/factories/f1/payments/" + open + "/close", "{}");
  EXPECT_EQ(409, r.status);
  EXPECT_EQ("{\"error\":{\"message\":\"只能关闭未支付的支付\",\"status\":409}}", r.body);
}

TEST_F(AdminApiTest, AuditLogRecordsChangesNewestFirstWithoutSecrets) {
  ASSERT_EQ(200, env_.admin("PUT", "/factories/f1/config/K", "{\"value\":\"v1\"}").status);
  ASSERT_EQ(200, env_.admin("PUT", "/factories/f1/config/K", "{\"value\":\"v2\"}").status);
  auto log = array(env_.admin("GET", "/audit?factory=f1"));
  ASSERT_GE(log->size(), 5u);  // create, module, channel, two config changes
  auto newest = log->getObject(0);
  EXPECT_EQ("config.set", newest->getValue<std::string>("action"));
  EXPECT_EQ("K", newest->getValue<std::string>("target"));
  EXPECT_EQ("v1", newest->getValue<std::string>("before"));
  EXPECT_EQ("v2", newest->getValue<std::string>("after"));
  EXPECT_EQ("admin.token", newest->getValue<std::string>("actor"));
  const std::string all = env_.admin("GET", "/audit").body;
  EXPECT_NE(std::string::npos, all.find("\"action\":\"channel.set\""));
  EXPECT_NE(std::string::npos, all.find("\"action\":\"factory.create\""));
  EXPECT_EQ(std::string::npos, all.find(kApiKey));
  EXPECT_EQ(404, env_.admin("GET", "/audit?factory=nope").status);
}

}  // namespace
}  // namespace paynext::testing
