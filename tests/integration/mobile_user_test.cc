// The API工厂 user, wallet and config endpoints.
#include <gtest/gtest.h>

#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

class MobileUserTest : public ::testing::Test {
 protected:
  void SetUp() override { env_.createFactory("f1", {}); }
  PaynextEnv env_{EnvOptions{{"test:testkit"}, {}, false}};
};

TEST_F(MobileUserTest, RegisterLoginAndAmount) {
  auto r = env_.call("f1", "/user/m/register", {{"mobile", "13800000000"}, {"pwd", "secret123"}});
  EXPECT_EQ(0, r->getValue<int>("code"));
  EXPECT_EQ("success", r->getValue<std::string>("msg"));
  r = env_.call("f1", "/user/m/login", {{"mobile", "13800000000"}, {"pwd", "secret123"}});
  ASSERT_EQ(0, r->getValue<int>("code"));
  const auto token = r->getObject("data")->getValue<std::string>("token");
  EXPECT_GT(r->getObject("data")->getValue<int>("uid"), 0);
  r = env_.call("f1", "/user/check-token", {{"token", token}});
  EXPECT_EQ(0, r->getValue<int>("code"));
  auto raw = env_.api().postForm("/f1/user/amount", {{"token", token}});
  EXPECT_EQ("{\"code\":0,\"data\":{\"balance\":0,\"freeze\":0,\"growth\":0,\"score\":0,\"totleConsumed\":0},"
            "\"msg\":\"success\"}",
            raw.body);
}

// The user's own ledger, newest first, paged; another user's is not shown.
TEST_F(MobileUserTest, CashLogShowsTheUsersOwnLedgerNewestFirst) {
  const auto token = env_.userToken("f1", "13800000000");
  const std::string uid = env_.call("f1", "/user/m/login", {{"mobile", "13800000000"}, {"pwd", "secret123"}})
                              ->getObject("data")
                              ->get("uid")
                              .toString();
  env_.userToken("f1", "13800000001");
  auto r = env_.call("f1", "/user/cashLog", {{"token", token}});
  EXPECT_EQ(700, r->getValue<int>("code"));
  ASSERT_EQ(201, env_.admin("POST", "/factories/f1/users/" + uid + "/adjustments",
                            R"({"balance":"+12.50","reason":"客服补偿"})").status);
  ASSERT_EQ(201, env_.admin("POST", "/factories/f1/users/" + uid + "/adjustments",
                            R"({"points":"+7","reason":"活动赠送"})").status);
  const std::string other = std::to_string(std::stoi(uid) + 1);
  ASSERT_EQ(201, env_.admin("POST", "/factories/f1/users/" + other + "/adjustments",
                            R"({"balance":"+1","reason":"别人的"})").status);

  r = env_.call("f1", "/user/cashLog", {{"token", token}});
  ASSERT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
  const auto log = r->getArray("data");
  ASSERT_EQ(2u, log->size());
  EXPECT_EQ("points", log->getObject(0)->getValue<std::string>("type"));
  EXPECT_EQ(7, log->getObject(0)->getValue<int>("amount"));
  EXPECT_EQ(7, log->getObject(0)->getValue<int>("balanceAfter"));
  EXPECT_EQ("balance", log->getObject(1)->getValue<std::string>("type"));
  EXPECT_EQ(12.5, log->getObject(1)->getValue<double>("amount"));
  EXPECT_NE(std::string::npos, log->getObject(1)->getValue<std::string>("remark").find("客服补偿"));
  EXPECT_EQ(19u, log->getObject(1)->getValue<std::string>("dateAdd").size());

  r = env_.call("f1", "/user/cashLog", {{"token", token}, {"page", "2"}, {"pageSize", "1"}});
  ASSERT_EQ(1u, r->getArray("data")->size());
  EXPECT_EQ("balance", r->getArray("data")->getObject(0)->getValue<std::string>("type"));
  r = env_.call("f1", "/user/cashLog", {{"token", token}, {"pageSize", "101"}});
  EXPECT_EQ("参数 pageSize 格式错误,应为1 到 100 之间的整数", r->getValue<std::string>("msg"));
  EXPECT_EQ(2000, env_.call("f1", "/user/cashLog", {})->getValue<int>("code"));
}

TEST_F(MobileUserTest, JsonBodiesWorkToo) {
  auto r = env_.api().send("POST", "/f1/user/m/register", "{\"mobile\":\"13800000001\",\"pwd\":\"secret123\"}",
                           "application/json");
  EXPECT_EQ(0, r.json()->getValue<int>("code"));
}

TEST_F(MobileUserTest, TokenErrorsAre2000) {
  auto r = env_.call("f1", "/user/amount", {});
  EXPECT_EQ(2000, r->getValue<int>("code"));
  EXPECT_EQ("请先登录", r->getValue<std::string>("msg"));
  r = env_.call("f1", "/user/amount", {{"token", "deadbeef"}});
  EXPECT_EQ(2000, r->getValue<int>("code"));
  EXPECT_EQ("登录已过期,请重新登录", r->getValue<std::string>("msg"));
}

TEST_F(MobileUserTest, TokenOfAnotherFactoryIsRefused) {
  env_.createFactory("f2", {});
  const auto token = env_.userToken("f1", "13800000000");
  auto r = env_.call("f2", "/user/amount", {{"token", token}});
  EXPECT_EQ(2000, r->getValue<int>("code"));
}

TEST_F(MobileUserTest, RegistrationErrorsStoreNothing) {
  auto r = env_.call("f1", "/user/m/register", {{"mobile", "138"}, {"pwd", "secret123"}});
  EXPECT_EQ(300, r->getValue<int>("code"));
  EXPECT_EQ("手机号码格式错误", r->getValue<std::string>("msg"));
  r = env_.call("f1", "/user/m/register", {{"mobile", "13800000000"}, {"pwd", "1"}});
  EXPECT_EQ("密码长度应为 6 到 64 个字符", r->getValue<std::string>("msg"));
  EXPECT_EQ(0, DbProbe(env_.storage()).count("SELECT COUNT(*) FROM users"));
  r = env_.call("f1", "/user/m/login", {{"mobile", "13800000000"}, {"pwd", "secret123"}});
  EXPECT_EQ(10000, r->getValue<int>("code"));
}

TEST_F(MobileUserTest, ConfigValues) {
  ASSERT_EQ(200, env_.admin("PUT", "/factories/f1/config/SHOP_NAME", "{\"value\":\"小店\"}").status);
  auto raw = env_.api().postForm("/f1/config/value", {{"key", "SHOP_NAME"}});
  EXPECT_EQ("{\"code\":0,\"data\":\"小店\",\"msg\":\"success\"}", raw.body);
  auto r = env_.call("f1", "/config/value", {{"key", "MISSING"}});
  EXPECT_EQ(700, r->getValue<int>("code"));
  r = env_.call("f1", "/config/values", {{"keys", "SHOP_NAME,MISSING"}});
  EXPECT_EQ(0, r->getValue<int>("code"));
  EXPECT_EQ(1u, r->getArray("data")->size());
  r = env_.call("f1", "/config/value", {});
  EXPECT_EQ(300, r->getValue<int>("code"));
  EXPECT_EQ("缺少参数 key", r->getValue<std::string>("msg"));
}

TEST_F(MobileUserTest, APrivateParameterFeedsStepsButIsNeverAnswered) {
  ASSERT_EQ(200, env_.admin("PUT", "/factories/f1/config/SHOP_NAME", "{\"value\":\"小店\"}").status);
  auto put = env_.admin("PUT", "/factories/f1/config/SMS_SECRET", "{\"value\":\"s3cret\",\"private\":true}");
  ASSERT_EQ(200, put.status);
  EXPECT_EQ("{\"key\":\"SMS_SECRET\",\"value\":\"s3cret\",\"private\":true}", put.body);

  // Answered as if it were not there, alone or among others.
  EXPECT_EQ("{\"code\":700,\"data\":null,\"msg\":\"暂无数据\"}",
            env_.api().postForm("/f1/config/value", {{"key", "SMS_SECRET"}}).body);
  auto r = env_.call("f1", "/config/values", {{"keys", "SHOP_NAME,SMS_SECRET"}});
  ASSERT_EQ(1u, r->getArray("data")->size());
  EXPECT_EQ("SHOP_NAME", r->getArray("data")->getObject(0)->getValue<std::string>("key"));
  EXPECT_EQ(700, env_.call("f1", "/config/values", {{"keys", "SMS_SECRET"}})->getValue<int>("code"));

  // Admins see it with its mark; a new value keeps the mark unless it is given.
  EXPECT_EQ("[{\"key\":\"SHOP_NAME\",\"value\":\"小店\",\"private\":false},"
            "{\"key\":\"SMS_SECRET\",\"value\":\"s3cret\",\"private\":true}]",
            env_.admin("GET", "/factories/f1/config?detail=1").body);
  ASSERT_EQ(200, env_.admin("PUT", "/factories/f1/config/SMS_SECRET", "{\"value\":\"other\"}").status);
  EXPECT_EQ(700, env_.call("f1", "/config/value", {{"key", "SMS_SECRET"}})->getValue<int>("code"));
  EXPECT_EQ("{\"SHOP_NAME\":\"小店\",\"SMS_SECRET\":\"other\"}", env_.admin("GET", "/factories/f1/config").body);
  // The audit trail does not keep the private value either.
  const std::string audit = env_.admin("GET", "/audit?factory=f1").body;
  EXPECT_EQ(std::string::npos, audit.find("s3cret"));
  EXPECT_EQ(std::string::npos, audit.find("other"));

  // Made public again, it is answered.
  ASSERT_EQ(200, env_.admin("PUT", "/factories/f1/config/SMS_SECRET", "{\"value\":\"other\",\"private\":false}").status);
  EXPECT_EQ("{\"code\":0,\"data\":\"other\",\"msg\":\"success\"}",
            env_.api().postForm("/f1/config/value", {{"key", "SMS_SECRET"}}).body);
}

}  // namespace
}  // namespace paynext::testing
