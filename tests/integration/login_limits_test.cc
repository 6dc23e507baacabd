// Login and registration limits (README "Login limits"): refusals come at
// once, before any hashing, say when to try again and change nothing.
#include <future>
#include <vector>

#include <gtest/gtest.h>

#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

std::map<std::string, std::string> limitsConfig(std::map<std::string, std::string> extra = {}) {
  std::map<std::string, std::string> config = {
      {"testing.clockControl", "true"},
      {"identity.login.freeFailures", "5"},
      {"identity.login.lockoutFailures", "10"},
      {"identity.login.firstDelaySeconds", "30"},
      {"identity.login.lockoutSeconds", "900"},
      // A trusted proxy names the client, so one test machine can be several addresses.
      {"http.trustedProxies", "127.0.0.1"},
  };
  for (const auto& [k, v] : extra) config[k] = v;
  return config;
}

class LoginLimitsTest : public ::testing::Test {
 protected:
  explicit LoginLimitsTest(std::map<std::string, std::string> extra = {})
      : env_(EnvOptions{{"test:testkit"}, limitsConfig(std::move(extra)), false}) {}
  void SetUp() override { env_.createFactory("f1", {}); }

  // A mobile form POST as the client `address` (X-Forwarded-For from the trusted proxy).
  HttpResult mobile(const std::string& path, const std::string& mobile, const std::string& pwd,
                    const std::string& address = "203.0.113.1") {
    return env_.api().send("POST", "/f1" + path, "mobile=" + mobile + "&pwd=" + pwd,
                           "application/x-www-form-urlencoded", {{"X-Forwarded-For", address}});
  }
  HttpResult adminLogin(const std::string& user, const std::string& password,
                        const std::string& address = "203.0.113.1") {
    return env_.api().send("POST", "/admin/api/login", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}",
                           "application/json", {{"X-Forwarded-For", address}});
  }
  void moveClockTo(std::int64_t offsetMs) {
    auto r = env_.admin("PUT", "/testing/clock", "{\"offsetMs\":" + std::to_string(offsetMs) + "}");
    ASSERT_EQ(200, r.status) << r.body;
  }
  void expectWrongPassword(const std::string& mobileNo, const std::string& address = "203.0.113.1") {
    EXPECT_EQ("{\"code\":10001,\"data\":null,\"msg\":\"密码错误\"}", mobile("/user/m/login", mobileNo, "wrong123", address).body);
  }
  static std::string tooMany(int seconds) {
    return "{\"code\":429,\"data\":{\"retryAfter\":" + std::to_string(seconds) + "},\"msg\":\"登录失败次数过多,请 " +
           std::to_string(seconds) + " 秒后再试\"}";
  }

  PaynextEnv env_;
  DbProbe db_{env_.storage()};
};

TEST_F(LoginLimitsTest, SixWrongPasswordsThenTheRightOneWaitsTheExactDelay) {
  ASSERT_EQ(0, mobile("/user/m/register", "13800000000", "secret123").json()->getValue<int>("code"));
  for (int i = 0; i < 6; ++i) expectWrongPassword("13800000000");
  // The sixth failure (the first past the free five) makes the account wait 30 s.
  EXPECT_EQ(tooMany(30), mobile("/user/m/login", "13800000000", "secret123").body);
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM user_tokens"));
  EXPECT_EQ(6, db_.count("SELECT failures FROM login_limits WHERE kind = 'user'"));
  EXPECT_EQ(6, db_.count("SELECT failures FROM login_limits WHERE kind = 'address' AND key = '203.0.113.1'"));
  // Refusals are not failures: asking again changes nothing.
  EXPECT_EQ(tooMany(30), mobile("/user/m/login", "13800000000", "wrong123").body);
  EXPECT_EQ(6, db_.count("SELECT failures FROM login_limits WHERE kind = 'user'"));

  moveClockTo(30000);
  auto r = mobile("/user/m/login", "13800000000", "secret123").json();
  ASSERT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM user_tokens"));
  // The success cleared the account, not the address.
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM login_limits WHERE kind = 'user'"));
  EXPECT_EQ(6, db_.count("SELECT failures FROM login_limits WHERE kind = 'address'"));
}

TEST_F(LoginLimitsTest, WaitsDoubleThenTheAccountIsLockedOut) {
  ASSERT_EQ(0, mobile("/user/m/register", "13800000000", "secret123").json()->getValue<int>("code"));
  for (int i = 0; i < 6; ++i) expectWrongPassword("13800000000");
  std::int64_t offset = 0;
  for (int wait : {30, 60, 120, 240}) {
    EXPECT_EQ(tooMany(wait), mobile("/user/m/login", "13800000000", "secret123").body);
    offset += wait * 1000;
    moveClockTo(offset);
    expectWrongPassword("13800000000");
  }
  // The tenth failure locks the account for 15 minutes; another account is untouched.
  EXPECT_EQ(tooMany(900), mobile("/user/m/login", "13800000000", "secret123").body);
  EXPECT_EQ(10, db_.count("SELECT failures FROM login_limits WHERE kind = 'user'"));
  ASSERT_EQ(0, mobile("/user/m/register", "13800000001", "secret123").json()->getValue<int>("code"));
  EXPECT_EQ(0, mobile("/user/m/login", "13800000001", "secret123").json()->getValue<int>("code"));
  moveClockTo(offset + 899000);
  EXPECT_EQ(tooMany(1), mobile("/user/m/login", "13800000000", "secret123").body);
  moveClockTo(offset + 900000);
  EXPECT_EQ(0, mobile("/user/m/login", "13800000000", "secret123").json()->getValue<int>("code"));
}

TEST_F(LoginLimitsTest, AdminLoginIsRefused429WithRetryAfter) {
  ASSERT_EQ(201, env_.admin("POST", "/admins", R"({"username":"ops","password":"ops-pass-1","role":"platform"})").status);
  for (int i = 0; i < 6; ++i) {
    auto r = adminLogin("ops", "wrong-pass");
    EXPECT_EQ(401, r.status);
    EXPECT_EQ("{\"error\":{\"message\":\"用户名或密码错误\",\"status\":401}}", r.body);
  }
  auto r = adminLogin("ops", "ops-pass-1");
  EXPECT_EQ(429, r.status);
  EXPECT_EQ("30", r.headers["Retry-After"]);
  EXPECT_EQ("{\"error\":{\"message\":\"登录失败次数过多,请 30 秒后再试\",\"status\":429}}", r.body);
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM admin_tokens"));
  EXPECT_EQ(6, db_.count("SELECT failures FROM login_limits WHERE kind = 'admin' AND key = 'ops'"));
  // An unknown name is limited alike, so a lockout tells nothing (from another address).
  for (int i = 0; i < 6; ++i) EXPECT_EQ(401, adminLogin("ghost", "wrong-pass", "203.0.113.2").status);
  r = adminLogin("ghost", "wrong-pass", "203.0.113.2");
  EXPECT_EQ(429, r.status);
  EXPECT_EQ("30", r.headers["Retry-After"]);

  moveClockTo(30000);
  r = adminLogin("ops", "ops-pass-1");
  EXPECT_EQ(200, r.status) << r.body;
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM admin_tokens"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM login_limits WHERE kind = 'admin' AND key = 'ops'"));
}

class AddressLimitsTest : public LoginLimitsTest {
 protected:
  AddressLimitsTest()
      : LoginLimitsTest({{"identity.login.addressFreeFailures", "3"}, {"identity.login.addressLockoutFailures", "6"}}) {}
};

TEST_F(AddressLimitsTest, AnAddressFailingOnSeveralAccountsWaits) {
  ASSERT_EQ(0, mobile("/user/m/register", "13800000009", "secret123").json()->getValue<int>("code"));
  ASSERT_EQ(201, env_.admin("POST", "/admins", R"({"username":"ops","password":"ops-pass-1","role":"platform"})").status);
  // One failure each on four accounts (unregistered mobiles count too): no
  // account is near its limit, the address is past its three.
  EXPECT_EQ("{\"code\":10000,\"data\":null,\"msg\":\"该手机号码未注册\"}",
            mobile("/user/m/login", "13800000001", "secret123").body);
  expectWrongPassword("13800000009");
  EXPECT_EQ(401, adminLogin("ops", "wrong-pass").status);
  EXPECT_EQ("{\"code\":10000,\"data\":null,\"msg\":\"该手机号码未注册\"}",
            mobile("/user/m/login", "13800000002", "secret123").body);
  EXPECT_EQ(4, db_.count("SELECT failures FROM login_limits WHERE kind = 'address' AND key = '203.0.113.1'"));

  EXPECT_EQ(tooMany(30), mobile("/user/m/login", "13800000009", "secret123").body);
  auto r = adminLogin("ops", "ops-pass-1");
  EXPECT_EQ(429, r.status);
  EXPECT_EQ("30", r.headers["Retry-After"]);
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM user_tokens"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM admin_tokens"));
  // Another address is not held back.
  EXPECT_EQ(0, mobile("/user/m/login", "13800000009", "secret123", "203.0.113.2").json()->getValue<int>("code"));
  EXPECT_EQ(200, adminLogin("ops", "ops-pass-1", "203.0.113.2").status);
  // Nor is the limited address's own success a way to clear it.
  EXPECT_EQ(4, db_.count("SELECT failures FROM login_limits WHERE kind = 'address' AND key = '203.0.113.1'"));
  moveClockTo(30000);
  EXPECT_EQ(0, mobile("/user/m/login", "13800000009", "secret123").json()->getValue<int>("code"));
}

class RegistrationLimitsTest : public LoginLimitsTest {
 protected:
  RegistrationLimitsTest()
      : LoginLimitsTest({{"identity.register.perAddress", "2"}, {"identity.register.windowSeconds", "3600"}}) {}
};

TEST_F(RegistrationLimitsTest, AnAddressRegistersAtMostItsFillPerWindow) {
  EXPECT_EQ(0, mobile("/user/m/register", "13800000001", "secret123").json()->getValue<int>("code"));
  EXPECT_EQ(0, mobile("/user/m/register", "13800000002", "secret123").json()->getValue<int>("code"));
  EXPECT_EQ("{\"code\":429,\"data\":{\"retryAfter\":3600},\"msg\":\"注册过于频繁,请 3600 秒后再试\"}",
            mobile("/user/m/register", "13800000003", "secret123").body);
  EXPECT_EQ(2, db_.count("SELECT COUNT(*) FROM users"));
  EXPECT_EQ(2, db_.count("SELECT COUNT(*) FROM wallets"));
  EXPECT_EQ(2, db_.count("SELECT failures FROM login_limits WHERE kind = 'register' AND key = '203.0.113.1'"));
  // Another address registers; the first may again when its window ends.
  EXPECT_EQ(0, mobile("/user/m/register", "13800000003", "secret123", "203.0.113.2").json()->getValue<int>("code"));
  moveClockTo(3600000);
  EXPECT_EQ(0, mobile("/user/m/register", "13800000004", "secret123").json()->getValue<int>("code"));
  EXPECT_EQ(4, db_.count("SELECT COUNT(*) FROM users"));
}

// One hashing slot, no waiting line, and a slow hash: of logins sent at once,
// those that find the slot taken are refused as busy, with nothing stored.
class HashingBusyTest : public LoginLimitsTest {
 protected:
  HashingBusyTest()
      : LoginLimitsTest({{"identity.hashing.threads", "1"},
                         {"identity.hashing.queue", "0"},
                         {"identity.passwordIterations", "500000"}}) {}
};

TEST_F(HashingBusyTest, LoginsPastTheSlotAreRefusedAtOnce) {
  ASSERT_EQ(0, mobile("/user/m/register", "13800000000", "secret123").json()->getValue<int>("code"));
  std::vector<std::future<HttpResult>> logins;
  for (int i = 0; i < 3; ++i) {
    logins.push_back(std::async(std::launch::async, [this] { return mobile("/user/m/login", "13800000000", "secret123"); }));
  }
  int ok = 0, busy = 0;
  for (auto& f : logins) {
    const HttpResult r = f.get();
    if (r.status == 503) {
      ++busy;
      EXPECT_EQ("{\"code\":503,\"data\":null,\"msg\":\"服务器繁忙,请稍后再试\"}", r.body);
      EXPECT_EQ("1", r.headers.at("Retry-After"));
    } else {
      EXPECT_EQ(200, r.status);
      EXPECT_EQ(0, r.json()->getValue<int>("code")) << r.body;
      ++ok;
    }
  }
  EXPECT_GE(ok, 1);
  EXPECT_GE(busy, 1);
  EXPECT_EQ(ok, db_.count("SELECT COUNT(*) FROM user_tokens"));
  // Busy is not a failure.
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM login_limits WHERE kind <> 'register'"));
}

TEST_F(HashingBusyTest, AdminLoginsPastTheSlotAreRefusedAtOnce) {
  ASSERT_EQ(201, env_.admin("POST", "/admins", R"({"username":"ops","password":"ops-pass-1","role":"platform"})").status);
  std::vector<std::future<HttpResult>> logins;
  for (int i = 0; i < 3; ++i) {
    logins.push_back(std::async(std::launch::async, [this] { return adminLogin("ops", "ops-pass-1"); }));
  }
  int ok = 0, busy = 0;
  for (auto& f : logins) {
    const HttpResult r = f.get();
    if (r.status == 503) {
      ++busy;
      EXPECT_EQ("{\"error\":{\"message\":\"服务器繁忙,请稍后再试\",\"status\":503}}", r.body);
      EXPECT_EQ("1", r.headers.at("Retry-After"));
    } else {
      EXPECT_EQ(200, r.status) << r.body;
      ++ok;
    }
  }
  EXPECT_GE(ok, 1);
  EXPECT_GE(busy, 1);
  EXPECT_EQ(ok, db_.count("SELECT COUNT(*) FROM admin_tokens"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM login_limits"));
}

}  // namespace
}  // namespace paynext::testing
