#include "core/identity/user_service.h"

#include <gtest/gtest.h>

#include "core/common/clock.h"
#include "core/identity/too_many_attempts.h"
#include "paynext/sdk/errors.h"
#include "paynext/sdk/testing/manual_clock.h"
#include "tests/support/core_database.h"

namespace paynext::core::identity {
namespace {

using namespace Poco::Data::Keywords;

class UserServiceTest : public ::testing::Test {
 protected:
  UserServiceTest() : users_(cdb_.db(), UserServiceOptions{60000, 1000}) {
    cdb_.db().transaction([](Poco::Data::Session& s) {
      s << "INSERT INTO factories (id, name, title, created_at) VALUES (1, 'f', 'F', 0), (2, 'g', 'G', 0)", now;
    });
  }
  std::int64_t count(const std::string& table) {
    auto s = cdb_.db().session();
    std::int64_t n = 0;
    s << "SELECT COUNT(*) FROM " + table, into(n), now;
    return n;
  }
  void expectError(int code, const std::string& msg, const std::function<void()>& fn) {
    try {
      fn();
      FAIL() << "expected " << msg;
    } catch (const sdk::Error& e) {
      EXPECT_EQ(code, e.code());
      EXPECT_EQ(msg, e.what());
    }
  }
  paynext::testing::CoreDatabase cdb_;
  UserService users_;
};

TEST_F(UserServiceTest, RegisterLoginAuthenticate) {
  auto u = users_.registerByMobile(1, "13800000000", "secret1", "nick");
  EXPECT_GT(u.id, 0);
  EXPECT_EQ(1, count("wallets"));
  auto t = users_.login(1, "13800000000", "secret1");
  EXPECT_EQ(64u, t.token.size());
  EXPECT_EQ(u.id, t.userId);
  auto who = users_.authenticate(1, t.token);
  ASSERT_TRUE(who);
  EXPECT_EQ("13800000000", who->mobile);
}

TEST_F(UserServiceTest, TokenIsStoredHashedAndBoundToItsFactory) {
  users_.registerByMobile(1, "13800000000", "secret1", "");
  auto t = users_.login(1, "13800000000", "secret1");
  auto s = cdb_.db().session();
  std::int64_t plain = 0;
  s << "SELECT COUNT(*) FROM user_tokens WHERE token_hash = $1", use(t.token), into(plain), now;
  EXPECT_EQ(0, plain);
  EXPECT_FALSE(users_.authenticate(2, t.token));
  EXPECT_FALSE(users_.authenticate(1, t.token + "x"));
  EXPECT_FALSE(users_.authenticate(1, ""));
}

TEST_F(UserServiceTest, ExpiredTokenIsRefused) {
  users_.registerByMobile(1, "13800000000", "secret1", "");
  auto t = users_.login(1, "13800000000", "secret1");
  cdb_.db().transaction([](Poco::Data::Session& s) { s << "UPDATE user_tokens SET expires_at = 1", now; });
  EXPECT_FALSE(users_.authenticate(1, t.token));
}

// A token found valid is kept (as if read again) for the cache time, but
// never past its expiry; one not found is not kept.
TEST_F(UserServiceTest, AValidTokenIsKeptForTheCacheTimeButNotPastItsExpiry) {
  UserService cached(cdb_.db(), UserServiceOptions{60000, 1000, std::chrono::milliseconds(60000)});
  users_.registerByMobile(1, "13800000000", "secret1", "");
  const auto t = cached.login(1, "13800000000", "secret1");
  EXPECT_FALSE(cached.authenticate(1, t.token + "x"));
  ASSERT_TRUE(cached.authenticate(1, t.token));
  cdb_.db().transaction([](Poco::Data::Session& s) { s << "DELETE FROM user_tokens", now; });
  EXPECT_TRUE(cached.authenticate(1, t.token)) << "kept";
  EXPECT_FALSE(users_.authenticate(1, t.token)) << "without a cache time: asked every time";
  EXPECT_FALSE(cached.authenticate(2, t.token)) << "kept for its own factory only";

  struct ClockMoved {
    ~ClockMoved() { clockOffsetMs() = 0; }
  } restore;
  clockOffsetMs() = 60000;  // the token's 60 s are up
  EXPECT_FALSE(cached.authenticate(1, t.token));
}

TEST_F(UserServiceTest, SameMobileMayRegisterInAnotherFactoryOnly) {
  users_.registerByMobile(1, "13800000000", "secret1", "");
  users_.registerByMobile(2, "13800000000", "secret2", "");
  expectError(300, "该手机号码已注册", [&] { users_.registerByMobile(1, "13800000000", "other12", ""); });
  EXPECT_EQ(2, count("users"));
  EXPECT_THROW(users_.login(2, "13800000000", "secret1"), sdk::Error);
}

TEST_F(UserServiceTest, BadInputIsRefusedAndStoresNothing) {
  expectError(300, "手机号码格式错误", [&] { users_.registerByMobile(1, "12345", "secret1", ""); });
  expectError(300, "密码长度应为 6 到 64 个字符", [&] { users_.registerByMobile(1, "13800000000", "123", ""); });
  EXPECT_EQ(0, count("users"));
  EXPECT_EQ(0, count("wallets"));
}

TEST_F(UserServiceTest, LoginErrors) {
  users_.registerByMobile(1, "13800000000", "secret1", "");
  expectError(10000, "该手机号码未注册", [&] { users_.login(1, "13900000000", "secret1"); });
  expectError(10001, "密码错误", [&] { users_.login(1, "13800000000", "wrong12"); });
  EXPECT_EQ(0, count("user_tokens"));
}

// Limited logins and registrations: a refusal comes before hashing and changes nothing.
class LimitedUserServiceTest : public UserServiceTest {
 protected:
  static AttemptLimits limits() {
    AttemptLimits l;
    l.account = {2, 4, 30000, 600000};
    l.address = {100, 200, 30000, 600000};
    l.registrationsPerAddress = 1;
    return l;
  }
  sdk::testing::ManualClock clock_;
  AttemptLimiter limiter_{cdb_.db(), limits(), clock_};
  HashingPool pool_{1, 0};
  UserService limited_{cdb_.db(), UserServiceOptions{60000, 1000}, &limiter_, &pool_};
};

TEST_F(LimitedUserServiceTest, LockedAccountIsRefusedEvenWithTheRightPassword) {
  limited_.registerByMobile(1, "13800000000", "secret1", "", "10.0.0.1");
  for (int i = 0; i < 3; ++i) {
    expectError(10001, "密码错误", [&] { limited_.login(1, "13800000000", "wrong12", "10.0.0.1"); });
  }
  expectError(429, "登录失败次数过多,请 30 秒后再试", [&] { limited_.login(1, "13800000000", "secret1", "10.0.0.1"); });
  EXPECT_EQ(0, count("user_tokens"));
  clock_.advance(30000);
  limited_.login(1, "13800000000", "secret1", "10.0.0.1");
  EXPECT_EQ(1, count("user_tokens"));
  // The success forgot the account's failures: two more are free again.
  for (int i = 0; i < 2; ++i) {
    expectError(10001, "密码错误", [&] { limited_.login(1, "13800000000", "wrong12", "10.0.0.1"); });
  }
  limited_.login(1, "13800000000", "secret1", "10.0.0.1");
  EXPECT_EQ(2, count("user_tokens"));
}

TEST_F(LimitedUserServiceTest, RegistrationOverTheAddressLimitStoresNothing) {
  limited_.registerByMobile(1, "13800000000", "secret1", "", "10.0.0.1");
  expectError(429, "注册过于频繁,请 3600 秒后再试",
              [&] { limited_.registerByMobile(1, "13800000001", "secret1", "", "10.0.0.1"); });
  EXPECT_EQ(1, count("users"));
  EXPECT_EQ(1, count("wallets"));
  limited_.registerByMobile(1, "13800000001", "secret1", "", "10.0.0.2");
  EXPECT_EQ(2, count("users"));
}

}  // namespace
}  // namespace paynext::core::identity
