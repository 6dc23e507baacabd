// Admin accounts and roles: platform admins see every factory, factory
// admins only their own; every endpoint checks.
#include <gtest/gtest.h>

#include <Poco/JSON/Parser.h>

#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

class AdminRolesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.createFactory("f1", {"testkit"});
    env_.createFactory("f2", {"testkit"});
    ASSERT_EQ(201, env_.admin("POST", "/admins",
                              "{\"username\":\"alice\",\"password\":\"alice-pass-1\",\"role\":\"factory\",\"factory\":\"f1\"}")
                       .status);
    ASSERT_EQ(201, env_.admin("POST", "/admins", "{\"username\":\"root\",\"password\":\"root-pass-1\",\"role\":\"platform\"}")
                       .status);
    alice_ = login("alice", "alice-pass-1");
  }
  std::string login(const std::string& user, const std::string& password) {
    auto r = env_.api().send("POST", "/admin/api/login",
                             "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}", "application/json");
    EXPECT_EQ(200, r.status) << r.body;
    return r.status == 200 ? r.json()->getValue<std::string>("token") : "";
  }
  HttpResult as(const std::string& token, const std::string& method, const std::string& path,
                const std::string& json = "") {
    return env_.api().send(method, "/admin/api" + path, json, json.empty() ? "" : "application/json",
                           {{"Authorization", "Bearer " + token}});
  }

  PaynextEnv env_{EnvOptions{{"test:testkit"}, {}, false}};
  DbProbe db_{env_.storage()};
  std::string alice_;
};

TEST_F(AdminRolesTest, LoginErrorsAreTheSameForUnknownUsersAndWrongPasswords) {
  for (const auto& body : {"{\"username\":\"alice\",\"password\":\"wrong-pass\"}",
                           "{\"username\":\"nobody\",\"password\":\"alice-pass-1\"}"}) {
    auto r = env_.api().send("POST", "/admin/api/login", body, "application/json");
    EXPECT_EQ(401, r.status);
    EXPECT_EQ("{\"error\":{\"message\":\"用户名或密码错误\",\"status\":401}}", r.body);
  }
  auto r = env_.api().send("POST", "/admin/api/login", "{\"username\":\"alice\"}", "application/json");
  EXPECT_EQ(400, r.status);
  EXPECT_EQ("{\"error\":{\"message\":\"缺少参数 password\",\"status\":400}}", r.body);
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM admin_tokens"));  // alice's from SetUp only
}

TEST_F(AdminRolesTest, TokensAreStoredHashedAndAnUnknownTokenIsRefused) {
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM admin_tokens WHERE token_hash = '" + alice_ + "'"));
  EXPECT_EQ(401, as(alice_ + "x", "GET", "/factories").status);
  EXPECT_EQ(200, as(alice_, "GET", "/factories").status);
}

TEST_F(AdminRolesTest, FactoryAdminSeesOnlyTheirFactory) {
  auto list = Poco::JSON::Parser().parse(as(alice_, "GET", "/factories").body).extract<Poco::JSON::Array::Ptr>();
  ASSERT_EQ(1u, list->size());
  EXPECT_EQ("f1", list->getObject(0)->getValue<std::string>("name"));
  EXPECT_EQ(200, as(alice_, "GET", "/factories/f1/modules").status);
  EXPECT_EQ(200, as(alice_, "PUT", "/factories/f1/config/K", "{\"value\":\"v\"}").status);
  EXPECT_EQ(200, as(alice_, "GET", "/factories/f1/payments").status);
  EXPECT_EQ(200, as(alice_, "GET", "/factories/f1/users").status);
  EXPECT_EQ(200, as(alice_, "GET", "/plugins").status);
  auto audit = as(alice_, "GET", "/audit").body;
  EXPECT_NE(std::string::npos, audit.find("\"actor\":\"alice\""));
  EXPECT_EQ(std::string::npos, audit.find("\"target\":\"f2\""));
}

TEST_F(AdminRolesTest, AdminListsAreScopedToTheCallersFactories) {
  ASSERT_EQ(201, env_.admin("POST", "/admins",
                            "{\"username\":\"bob\",\"password\":\"bob-pass-12\",\"role\":\"factory\",\"factory\":\"f2\"}")
                     .status);
  const std::string alice = R"({"factoryId":1,"id":1,"role":"factory","username":"alice"})";
  const std::string root = R"({"factoryId":0,"id":2,"role":"platform","username":"root"})";
  const std::string bob = R"({"factoryId":2,"id":3,"role":"factory","username":"bob"})";
  EXPECT_EQ("[" + alice + "," + root + "," + bob + "]", env_.admin("GET", "/admins").body);
  EXPECT_EQ("[" + bob + "]", env_.admin("GET", "/admins?factory=f2").body);
  EXPECT_EQ("[" + alice + "]", as(alice_, "GET", "/admins").body);
  auto refused = as(alice_, "GET", "/admins?factory=f2");
  EXPECT_EQ(403, refused.status);
  EXPECT_EQ("{\"error\":{\"message\":\"无权访问工厂 f2\",\"status\":403}}", refused.body);
  EXPECT_EQ(404, env_.admin("GET", "/admins?factory=nope").status);
}

TEST_F(AdminRolesTest, FactoryAdminIsRefusedEverywhereElseAndNothingChanges) {
  const std::string refused = "{\"error\":{\"message\":\"无权访问工厂 f2\",\"status\":403}}";
  const std::vector<std::tuple<std::string, std::string, std::string>> calls = {
      {"GET", "/factories/f2", ""},
      {"PUT", "/factories/f2", "{\"enabled\":false}"},
      {"GET", "/factories/f2/modules", ""},
      {"PUT", "/factories/f2/modules/testkit", "{\"enabled\":false}"},
      {"GET", "/factories/f2/config", ""},
      {"PUT", "/factories/f2/config/K", "{\"value\":\"x\"}"},
      {"DELETE", "/factories/f2/config/K", ""},
      {"GET", "/factories/f2/channels", ""},
      {"PUT", "/factories/f2/channels/wxpay", "{\"appId\":\"a\",\"mchId\":\"m\",\"apiKey\":\"k\"}"},
      {"GET", "/factories/f2/payments", ""},
      {"GET", "/factories/f2/payments/PN1", ""},
      {"POST", "/factories/f2/payments/PN1/retry", "{}"},
      {"POST", "/factories/f2/payments/PN1/close", "{}"},
      {"GET", "/factories/f2/users", ""},
      {"GET", "/factories/f2/users/1", ""},
      {"POST", "/factories/f2/users/1/adjustments", "{\"balance\":\"+1\",\"points\":1,\"reason\":\"x\"}"},
      {"GET", "/audit?factory=f2", ""},
  };
  const auto auditBefore = db_.count("SELECT COUNT(*) FROM admin_audit");
  for (const auto& [method, path, body] : calls) {
    auto r = as(alice_, method, path, body);
    EXPECT_EQ(403, r.status) << method << " " << path;
    EXPECT_EQ(refused, r.body) << method << " " << path;
  }
  // A factory that does not exist looks the same as another's.
  EXPECT_EQ("{\"error\":{\"message\":\"无权访问工厂 nope\",\"status\":403}}", as(alice_, "GET", "/factories/nope").body);
  const std::string platformOnly = "{\"error\":{\"message\":\"需要平台管理员权限\",\"status\":403}}";
  EXPECT_EQ(platformOnly, as(alice_, "POST", "/factories", "{\"name\":\"f3\",\"title\":\"x\"}").body);
  EXPECT_EQ(platformOnly, as(alice_, "PUT", "/factories/f1", "{\"enabled\":false}").body);
  EXPECT_EQ(platformOnly,
            as(alice_, "POST", "/admins", "{\"username\":\"eve\",\"password\":\"eve-pass-1\",\"role\":\"platform\"}").body);
  EXPECT_EQ(auditBefore, db_.count("SELECT COUNT(*) FROM admin_audit"));
  EXPECT_EQ(1, db_.count("SELECT enabled FROM factories WHERE name = 'f2'"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM factory_config"));
  EXPECT_EQ(2, db_.count("SELECT COUNT(*) FROM admin_accounts"));
  EXPECT_EQ(2, db_.count("SELECT COUNT(*) FROM factories"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM wallet_adjustments"));
}

TEST_F(AdminRolesTest, PlatformAdminByLoginSeesEverything) {
  const auto root = login("root", "root-pass-1");
  EXPECT_EQ(200, as(root, "GET", "/factories/f2/modules").status);
  EXPECT_EQ(201, as(root, "POST", "/factories", "{\"name\":\"f3\",\"title\":\"x\"}").status);
  EXPECT_NE(std::string::npos, as(root, "GET", "/audit").body.find("\"actor\":\"root\""));
}

TEST_F(AdminRolesTest, AccountCreationErrorsStoreNothing) {
  auto expect = [&](int status, const std::string& message, const std::string& body) {
    auto r = env_.admin("POST", "/admins", body);
    EXPECT_EQ(status, r.status) << body;
    EXPECT_EQ("{\"error\":{\"message\":\"" + message + "\",\"status\":" + std::to_string(status) + "}}", r.body);
  };
  expect(409, "管理员 alice 已存在", "{\"username\":\"alice\",\"password\":\"another-pass\",\"role\":\"platform\"}");
  expect(400, "用户名应为 3 到 64 个字母、数字、_、. 或 -",
         "{\"username\":\"a b\",\"password\":\"another-pass\",\"role\":\"platform\"}");
  expect(400, "管理员密码长度应为 8 到 128 个字符", "{\"username\":\"bob\",\"password\":\"short\",\"role\":\"platform\"}");
  expect(400, "role 只能是 platform 或 factory", "{\"username\":\"bob\",\"password\":\"bob-pass-1\",\"role\":\"god\"}");
  expect(404, "工厂 nope 不存在",
         "{\"username\":\"bob\",\"password\":\"bob-pass-1\",\"role\":\"factory\",\"factory\":\"nope\"}");
  expect(400, "缺少参数 factory", "{\"username\":\"bob\",\"password\":\"bob-pass-1\",\"role\":\"factory\"}");
  EXPECT_EQ(2, db_.count("SELECT COUNT(*) FROM admin_accounts"));
}

TEST(AdminTokenExpiryTest, ExpiredTokenIsRefused) {
  PaynextEnv env(EnvOptions{{"test:testkit"}, {{"admin.tokenTtlSeconds", "0"}}, false});
  ASSERT_EQ(201, env.admin("POST", "/admins", "{\"username\":\"root\",\"password\":\"root-pass-1\",\"role\":\"platform\"}")
                     .status);
  auto r = env.api().send("POST", "/admin/api/login", "{\"username\":\"root\",\"password\":\"root-pass-1\"}",
                          "application/json");
  ASSERT_EQ(200, r.status);
  auto refused = env.api().send("GET", "/admin/api/factories", "", "",
                                {{"Authorization", "Bearer " + r.json()->getValue<std::string>("token")}});
  EXPECT_EQ(401, refused.status);
}

}  // namespace
}  // namespace paynext::testing
