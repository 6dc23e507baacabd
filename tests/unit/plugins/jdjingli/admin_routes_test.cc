#include "plugins/jdjingli/admin_routes.h"

#include "jdjingli_test_support.h"

namespace paynext::plugins::jdjingli::test {
namespace {

class AdminRoutesTest : public JdjingliTest {
 protected:
  sdk::RouteResponse admin(const std::string& method, const std::string& path, const std::string& params = "{}") {
    return h.callAs(sdk::Audience::Admin, method, path, params);
  }
};

TEST_F(AdminRoutesTest, SettingsShowTheSecretMaskedOnly) {
  auto r = admin("GET", "/settings");
  ASSERT_EQ(r.code, 0) << r.msg;
  auto data = object(r);
  EXPECT_TRUE(data->getValue<bool>("secretSet"));
  EXPECT_EQ(data->getValue<std::string>("secret"), "jd-d********");
  EXPECT_EQ(data->getValue<int>("ttlMinutes"), 30);
  // A ttl alone leaves the secret as it was.
  r = admin("PUT", "/settings", R"({"ttlMinutes":"5"})");
  ASSERT_EQ(r.code, 0) << r.msg;
  data = object(r);
  EXPECT_EQ(data->getValue<int>("ttlMinutes"), 5);
  EXPECT_EQ(data->getValue<std::string>("secret"), "jd-d********");
  EXPECT_EQ(object(push(body("JD1001")))->getValue<std::string>("expiresAt"), "2023-11-15 06:18:20");
  // Another factory has none yet.
  h.setFactory(2);
  data = object(admin("GET", "/settings"));
  EXPECT_FALSE(data->getValue<bool>("secretSet"));
  EXPECT_EQ(data->getValue<std::string>("secret"), "");
}

TEST_F(AdminRoutesTest, SettingsRefuseBadValuesAndKeepTheOldOnes) {
  const std::vector<std::pair<std::string, Refusal>> cases = {
      {R"({"secret":"short"})", {300, "参数 secret 至少 16 字节"}},
      {R"({"secret":")" + std::string(257, 'x') + "\"}", {300, "参数 secret 不能超过 256 字节"}},
      {R"({"secret":""})", {300, "缺少参数 secret"}},
      {R"({"ttlMinutes":0})", {300, "参数 ttlMinutes 格式错误,应为正整数"}},
      {R"({"ttlMinutes":10081})", {300, "参数 ttlMinutes 格式错误,应为1 到 10080 之间的整数"}},
      {R"({"secret":"0123456789abcdef","ttlMinutes":"x"})", {300, "参数 ttlMinutes 格式错误,应为整数"}},
  };
  for (const auto& [params, expected] : cases) {
    const auto r = admin("PUT", "/settings", params);
    EXPECT_EQ(Refusal(r.code, r.msg), expected) << params;
  }
  const auto data = object(admin("GET", "/settings"));
  EXPECT_EQ(data->getValue<std::string>("secret"), "jd-d********");
  EXPECT_EQ(data->getValue<int>("ttlMinutes"), 30);
  // The old secret still signs.
  EXPECT_EQ(push(body("JD1001")).code, 0);
}

TEST_F(AdminRoutesTest, OrdersAreListedNewestFirstAndInspectedById) {
  const auto a = pushOrder("JD1001");
  pushOrder("JD1002");
  jdAnswers(200);
  h.ledger().balance_ = 1250;
  const auto run = h.newPayment();
  ASSERT_EQ(h.execute(8, pay(a), run).status, sdk::StepResult::Status::Done);
  auto r = admin("GET", "/orders");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 2u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::string>("orderNo"), "JD1002");
  const auto paid = array(r)->getObject(1);
  EXPECT_EQ(paid->getValue<std::string>("token"), a);
  EXPECT_EQ(paid->getValue<std::string>("status"), "PAID");
  EXPECT_EQ(paid->getValue<std::int64_t>("userId"), 1);
  EXPECT_EQ(paid->getValue<std::string>("paidReference"), run.key);
  EXPECT_EQ(paid->getValue<std::string>("payResultUrl"), kUrl);

  r = admin("GET", "/orders", R"({"status":"PAID"})");
  ASSERT_EQ(array(r)->size(), 1u);
  r = admin("GET", "/orders", R"({"userId":1})");
  ASSERT_EQ(array(r)->size(), 1u);
  r = admin("GET", "/orders", R"({"limit":1,"offset":1})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::string>("orderNo"), "JD1001");
  r = admin("GET", "/orders", R"({"id":2})");
  EXPECT_EQ(object(r)->getValue<std::string>("orderNo"), "JD1002");

  r = admin("GET", "/orders", R"({"id":99})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "京东京励订单 99 不存在"));
  r = admin("GET", "/orders", R"({"status":"X"})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "参数 status 格式错误,应为PENDING、PAID 或 EXPIRED"));
  r = admin("GET", "/orders", R"({"userId":42})");
  EXPECT_EQ(r.code, 700);
  // Another factory sees none of them.
  h.setFactory(2);
  EXPECT_EQ(array(admin("GET", "/orders"))->size(), 0u);
  EXPECT_EQ(admin("GET", "/orders", R"({"id":1})").code, 700);
}

TEST_F(AdminRoutesTest, PostgresqlMigrationsRun) {
  if (!h.checkPostgresqlMigrations()) GTEST_SKIP() << "PAYNEXT_TEST_POSTGRESQL is not set";
}

}  // namespace
}  // namespace paynext::plugins::jdjingli::test
