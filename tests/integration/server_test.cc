// The server's own surface: health, routing by factory, input bounds, admin auth.
#include <gtest/gtest.h>

#include <Poco/Net/StreamSocket.h>

#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

class ServerTest : public ::testing::Test {
 protected:
  PaynextEnv env_{EnvOptions{{"test:testkit"}, {{"http.maxBodyBytes", "1024"}}, false}};
};

TEST_F(ServerTest, HealthzAnswers) {
  auto r = env_.api().get("/healthz");
  EXPECT_EQ(200, r.status);
  EXPECT_EQ("ok\n", r.body);
}

TEST_F(ServerTest, UnknownFactoryIsA404Envelope) {
  auto r = env_.api().postForm("/nosuch/user/amount", {{"token", "x"}});
  EXPECT_EQ(404, r.status);
  EXPECT_EQ("{\"code\":404,\"data\":null,\"msg\":\"工厂 nosuch 不存在\"}", r.body);
}

TEST_F(ServerTest, UnknownPathIsA404Envelope) {
  env_.createFactory("f1", {});
  auto r = env_.api().postForm("/f1/no/such/thing", {});
  EXPECT_EQ(404, r.status);
  EXPECT_EQ("接口不存在:/no/such/thing", r.json()->getValue<std::string>("msg"));
}

TEST_F(ServerTest, OversizedBodyIsRefusedAndStoresNothing) {
  env_.createFactory("f1", {});
  auto r = env_.api().postForm("/f1/user/m/register",
                               {{"mobile", "13800000000"}, {"pwd", "secret123"}, {"nick", std::string(2000, 'x')}});
  EXPECT_EQ(413, r.status);
  EXPECT_EQ(300, r.json()->getValue<int>("code"));
  EXPECT_EQ("请求体过大(最多 1024 字节)", r.json()->getValue<std::string>("msg"));
  EXPECT_EQ(0, DbProbe(env_.storage()).count("SELECT COUNT(*) FROM users"));
}

TEST_F(ServerTest, MalformedJsonBodyIsRefused) {
  env_.createFactory("f1", {});
  auto r = env_.api().send("POST", "/f1/user/m/register", "{\"mobile\":", "application/json");
  EXPECT_EQ(400, r.status);
  EXPECT_EQ(0u, r.json()->getValue<std::string>("msg").find("请求体不是有效的 JSON"));
}

TEST_F(ServerTest, DeepJsonBodyIsRefused) {
  env_.createFactory("f1", {});
  std::string deep = "{\"a\":" + std::string(40, '[') + std::string(40, ']') + "}";
  auto r = env_.api().send("POST", "/f1/user/m/register", deep, "application/json");
  EXPECT_EQ(400, r.status);
  EXPECT_EQ(0u, r.json()->getValue<std::string>("msg").find("请求体不是有效的 JSON"));
}

TEST_F(ServerTest, AdminNeedsTheBearerToken) {
  auto r = env_.api().get("/admin/api/factories");
  EXPECT_EQ(401, r.status);
  EXPECT_EQ("{\"error\":{\"message\":\"需要有效的管理员令牌\",\"status\":401}}", r.body);
  r = env_.api().get("/admin/api/factories", {{"Authorization", "Bearer wrong"}});
  EXPECT_EQ(401, r.status);
  r = env_.api().send("POST", "/admin/api/factories", "{\"name\":\"x\",\"title\":\"t\"}", "application/json",
                      {{"Authorization", "Bearer wrong"}});
  EXPECT_EQ(401, r.status);
  EXPECT_EQ(0, DbProbe(env_.storage()).count("SELECT COUNT(*) FROM factories"));
}

TEST_F(ServerTest, AdminCreatesFactoriesAndRefusesBadOnes) {
  auto r = env_.admin("POST", "/factories", "{\"name\":\"shop\",\"title\":\"商店\"}");
  EXPECT_EQ(201, r.status);
  EXPECT_EQ("shop", r.json()->getValue<std::string>("name"));
  r = env_.admin("POST", "/factories", "{\"name\":\"shop\",\"title\":\"again\"}");
  EXPECT_EQ(409, r.status);
  EXPECT_EQ("{\"error\":{\"message\":\"工厂 shop 已存在\",\"status\":409}}", r.body);
  r = env_.admin("POST", "/factories", "{\"name\":\"Bad Name\",\"title\":\"x\"}");
  EXPECT_EQ(400, r.status);
  r = env_.admin("POST", "/factories", "{\"title\":\"x\"}");
  EXPECT_EQ(400, r.status);
  EXPECT_EQ("{\"error\":{\"message\":\"缺少参数 name\",\"status\":400}}", r.body);
  r = env_.admin("POST", "/factories", "[1]");
  EXPECT_EQ(400, r.status);
  EXPECT_EQ(1, DbProbe(env_.storage()).count("SELECT COUNT(*) FROM factories"));
}

TEST_F(ServerTest, ModuleToggleRefusesUnknownModule) {
  env_.createFactory("f1", {});
  auto r = env_.admin("PUT", "/factories/f1/modules/nosuch", "{\"enabled\":true}");
  EXPECT_EQ(404, r.status);
  EXPECT_EQ("{\"error\":{\"message\":\"模块 nosuch 未加载\",\"status\":404}}", r.body);
  r = env_.admin("PUT", "/factories/f1/modules/testkit", "{\"enabled\":\"maybe\"}");
  EXPECT_EQ(400, r.status);
  EXPECT_EQ(0, DbProbe(env_.storage()).count("SELECT COUNT(*) FROM factory_modules"));
}

TEST_F(ServerTest, WxpayChannelConfigIsCheckedAndTheKeyNeverReturned) {
  env_.createFactory("f1", {});
  const std::string path = "/factories/f1/channels/wxpay";
  auto r = env_.admin("PUT", path, "{\"appId\":\"a\",\"mchId\":\"m\",\"apiKey\":\"k\",\"gatewayUrl\":\"http://127.0.0.1:0\"}");
  EXPECT_EQ(400, r.status);
  EXPECT_EQ("{\"error\":{\"message\":\"gatewayUrl 必须是 http 或 https 地址\",\"status\":400}}", r.body);
  r = env_.admin("PUT", path, "{\"appId\":\"a\",\"mchId\":\"m\",\"apiKey\":\"k\",\"signType\":\"SHA1\"}");
  EXPECT_EQ("{\"error\":{\"message\":\"signType 只能是 MD5 或 HMAC-SHA256\",\"status\":400}}", r.body);
  r = env_.admin("PUT", path, "{\"appId\":\"a\",\"mchId\":\"m\"}");
  EXPECT_EQ("{\"error\":{\"message\":\"缺少参数 apiKey\",\"status\":400}}", r.body);
  EXPECT_EQ(0, DbProbe(env_.storage()).count("SELECT COUNT(*) FROM factory_channels"));
  r = env_.admin("PUT", path, "{\"appId\":\"a\",\"mchId\":\"m\",\"apiKey\":\"topsecretkey\",\"signType\":\"HMAC-SHA256\"}");
  EXPECT_EQ(200, r.status);
  EXPECT_EQ(std::string::npos, r.body.find("topsecretkey"));
  EXPECT_EQ(true, r.json()->getValue<bool>("apiKeySet"));
  EXPECT_EQ(std::string::npos, env_.log().find("topsecretkey"));
}

TEST(IdleClientsTest, IdleConnectionsDoNotStarveTheServer) {
  PaynextEnv env(EnvOptions{{"test:testkit"}, {{"http.threads", "2"}}, false});
  // Many more silent connections than workers, as a slow or hostile client
  // would hold: they wait without a thread, long before any timeout.
  std::vector<Poco::Net::StreamSocket> idle;
  for (int i = 0; i < 50; ++i) idle.emplace_back(Poco::Net::SocketAddress("127.0.0.1", env.serverPort()));
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(200, env.api().get("/healthz").status);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
}

TEST_F(ServerTest, SigtermStopsCleanly) {
  env_.stopServer(SIGTERM);  // asserts exit status 0
  EXPECT_NE(std::string::npos, env_.log().find("shutting down"));
}

}  // namespace
}  // namespace paynext::testing
