#include "core/identity/attempt_limiter.h"

#include <gtest/gtest.h>

#include "core/identity/too_many_attempts.h"
#include "paynext/sdk/testing/manual_clock.h"
#include "tests/support/core_database.h"

namespace paynext::core::identity {
namespace {

using namespace Poco::Data::Keywords;

TEST(LockedUntilAfterTest, FreeThenDoublingThenLockout) {
  const FailureRule rule{5, 10, 1000, 900000};
  for (int f = 0; f <= 5; ++f) EXPECT_EQ(0, lockedUntilAfter(rule, f, 100)) << f;
  EXPECT_EQ(100 + 1000, lockedUntilAfter(rule, 6, 100));
  EXPECT_EQ(100 + 2000, lockedUntilAfter(rule, 7, 100));
  EXPECT_EQ(100 + 4000, lockedUntilAfter(rule, 8, 100));
  EXPECT_EQ(100 + 8000, lockedUntilAfter(rule, 9, 100));
  EXPECT_EQ(100 + 900000, lockedUntilAfter(rule, 10, 100));
  EXPECT_EQ(100 + 900000, lockedUntilAfter(rule, 11, 100));
}

TEST(LockedUntilAfterTest, DoublingNeverPassesTheLockoutNorOverflows) {
  const FailureRule rule{1, 1000, 1000, 60000};
  EXPECT_EQ(60000, lockedUntilAfter(rule, 8, 0));  // 1000 << 6 would be 64000
  EXPECT_EQ(60000, lockedUntilAfter(rule, 999, 0));
}

class AttemptLimiterTest : public ::testing::Test {
 protected:
  static AttemptLimits smallLimits() {
    AttemptLimits l;
    l.account = {2, 4, 1000, 60000};
    l.address = {3, 6, 1000, 60000};
    l.forgetMs = 600000;
    l.registrationsPerAddress = 2;
    l.registrationWindowMs = 3600000;
    return l;
  }
  // The wait TooManyAttempts names, or 0 when fn passes.
  static std::int64_t refusedFor(const std::function<void()>& fn, std::string* message = nullptr) {
    try {
      fn();
      return 0;
    } catch (const TooManyAttempts& e) {
      EXPECT_EQ(429, e.code());
      if (message) *message = e.what();
      return e.retryAfterSeconds();
    }
  }
  std::int64_t rows() {
    auto s = cdb_.db().session();
    std::int64_t n = 0;
    s << "SELECT COUNT(*) FROM login_limits", into(n), now;
    return n;
  }
  std::int64_t failuresOf(const std::string& kind, const std::string& key) {
    auto s = cdb_.db().session();
    std::vector<std::int64_t> n;
    std::string k = kind, ky = key;
    s << "SELECT failures FROM login_limits WHERE kind = $1 AND key = $2", use(k), use(ky), into(n), now;
    return n.empty() ? 0 : n[0];
  }
  void register1(const std::string& address) {
    cdb_.db().transaction([&](Poco::Data::Session& s) { limiter_.countRegistration(s, address); });
  }

  paynext::testing::CoreDatabase cdb_;
  sdk::testing::ManualClock clock_;
  AttemptLimiter limiter_{cdb_.db(), smallLimits(), clock_};
  const LimitKey alice_ = userLimitKey(1, "13800000000");
  const LimitKey bob_ = userLimitKey(1, "13800000001");
};

TEST_F(AttemptLimiterTest, AccountWaitsGrowThenLockOut) {
  limiter_.loginFailed(alice_, "");
  limiter_.loginFailed(alice_, "");
  EXPECT_EQ(0, refusedFor([&] { limiter_.checkLogin(alice_, ""); }));
  limiter_.loginFailed(alice_, "");  // the third: 1 s
  std::string msg;
  EXPECT_EQ(1, refusedFor([&] { limiter_.checkLogin(alice_, ""); }, &msg));
  EXPECT_EQ("登录失败次数过多,请 1 秒后再试", msg);
  clock_.advance(999);
  EXPECT_EQ(1, refusedFor([&] { limiter_.checkLogin(alice_, ""); }));
  clock_.advance(1);
  EXPECT_EQ(0, refusedFor([&] { limiter_.checkLogin(alice_, ""); }));
  limiter_.loginFailed(alice_, "");  // the fourth: the lockout
  EXPECT_EQ(60, refusedFor([&] { limiter_.checkLogin(alice_, ""); }, &msg));
  EXPECT_EQ("登录失败次数过多,请 60 秒后再试", msg);
  clock_.advance(59001);
  EXPECT_EQ(1, refusedFor([&] { limiter_.checkLogin(alice_, ""); }));
  EXPECT_EQ(0, refusedFor([&] { limiter_.checkLogin(bob_, ""); }));  // another account is not touched
  clock_.advance(999);
  EXPECT_EQ(0, refusedFor([&] { limiter_.checkLogin(alice_, ""); }));
  EXPECT_EQ(4, failuresOf("user", "1:13800000000"));
}

TEST_F(AttemptLimiterTest, SuccessClearsTheAccountButNotTheAddress) {
  for (int i = 0; i < 3; ++i) limiter_.loginFailed(alice_, "10.0.0.1");
  EXPECT_EQ(3, failuresOf("address", "10.0.0.1"));
  clock_.advance(1000);
  limiter_.loginSucceeded(alice_);
  EXPECT_EQ(0, failuresOf("user", "1:13800000000"));
  EXPECT_EQ(3, failuresOf("address", "10.0.0.1"));
  limiter_.loginFailed(alice_, "");
  limiter_.loginFailed(alice_, "");
  EXPECT_EQ(0, refusedFor([&] { limiter_.checkLogin(alice_, ""); }));  // counting from 0 again
}

TEST_F(AttemptLimiterTest, AddressCountsOverEveryAccount) {
  for (int i = 0; i < 4; ++i) {
    limiter_.loginFailed(userLimitKey(1, "1380000000" + std::to_string(i)), "10.0.0.1");
  }
  // No account has failed enough, the address has: the fourth waits 1 s.
  EXPECT_EQ(1, refusedFor([&] { limiter_.checkLogin(bob_, "10.0.0.1"); }));
  EXPECT_EQ(0, refusedFor([&] { limiter_.checkLogin(bob_, "10.0.0.2"); }));
  EXPECT_EQ(0, refusedFor([&] { limiter_.checkLogin(adminLimitKey("root"), "10.0.0.2"); }));
  EXPECT_EQ(1, refusedFor([&] { limiter_.checkLogin(adminLimitKey("root"), "10.0.0.1"); }));
}

TEST_F(AttemptLimiterTest, OldFailuresAreForgottenAndCleanedUp) {
  limiter_.loginFailed(alice_, "10.0.0.1");
  limiter_.loginFailed(alice_, "10.0.0.1");
  clock_.advance(600000);  // forgetMs since the last failure
  limiter_.loginFailed(alice_, "");
  EXPECT_EQ(1, failuresOf("user", "1:13800000000"));
  EXPECT_EQ(2, rows());
  // The next clean-up (at most once a minute) deletes what has nothing left to say.
  clock_.advance(3600001);  // the longest window (registrations') since alice's last failure
  limiter_.loginFailed(bob_, "");
  EXPECT_EQ(1, rows());
  EXPECT_EQ(1, failuresOf("user", "1:13800000001"));
}

TEST_F(AttemptLimiterTest, LockedRowsOutliveTheCleanUp) {
  for (int i = 0; i < 4; ++i) limiter_.loginFailed(alice_, "");
  AttemptLimits longLock = smallLimits();
  longLock.account.lockoutMs = 10LL * 3600 * 1000;
  AttemptLimiter limiter(cdb_.db(), longLock, clock_);
  limiter.loginFailed(alice_, "");  // locked ten hours
  clock_.advance(5LL * 3600 * 1000);
  limiter.loginFailed(bob_, "");  // cleans up
  EXPECT_EQ(5, failuresOf("user", "1:13800000000"));
  EXPECT_EQ(5 * 3600, refusedFor([&] { limiter.checkLogin(alice_, ""); }));
}

TEST_F(AttemptLimiterTest, LongKeysAreStoredByDigest) {
  const LimitKey longName = adminLimitKey(std::string(5000, 'a'));
  for (int i = 0; i < 3; ++i) limiter_.loginFailed(longName, "");
  EXPECT_EQ(1, refusedFor([&] { limiter_.checkLogin(longName, ""); }));
  auto s = cdb_.db().session();
  std::int64_t longest = 0;
  s << "SELECT MAX(LENGTH(key)) FROM login_limits", into(longest), now;
  EXPECT_LT(longest, 100);
}

TEST_F(AttemptLimiterTest, RegistrationsPerAddressAndWindow) {
  limiter_.checkRegistration("10.0.0.1");
  register1("10.0.0.1");
  clock_.advance(1000);
  limiter_.checkRegistration("10.0.0.1");
  register1("10.0.0.1");  // the second fills the window that began 1 s ago
  std::string msg;
  EXPECT_EQ(3599, refusedFor([&] { limiter_.checkRegistration("10.0.0.1"); }, &msg));
  EXPECT_EQ("注册过于频繁,请 3599 秒后再试", msg);
  // One that passed its check before the window filled is refused in its transaction.
  EXPECT_EQ(3599, refusedFor([&] { register1("10.0.0.1"); }));
  EXPECT_EQ(2, failuresOf("register", "10.0.0.1"));
  EXPECT_EQ(0, refusedFor([&] { limiter_.checkRegistration("10.0.0.2"); }));
  clock_.advance(3599000);
  EXPECT_EQ(0, refusedFor([&] { limiter_.checkRegistration("10.0.0.1"); }));
  register1("10.0.0.1");
  EXPECT_EQ(1, failuresOf("register", "10.0.0.1"));
}

TEST_F(AttemptLimiterTest, NoAddressNoAddressLimits) {
  for (int i = 0; i < 10; ++i) register1("");
  limiter_.checkRegistration("");
  EXPECT_EQ(0, rows());
}

}  // namespace
}  // namespace paynext::core::identity
