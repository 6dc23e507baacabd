#pragma once
#include <atomic>
#include <cstdint>
#include <string>

#include <Poco/Data/Session.h>

#include "core/identity/attempt_limits.h"
#include "core/storage/database.h"
#include "paynext/sdk/clock.h"

namespace paynext::core::identity {

// A row of login_limits: what is limited ("user", "admin", "address" for
// login failures, "register" for registrations) and whose it is.
struct LimitKey {
  std::string kind;
  std::string key;
};

LimitKey userLimitKey(std::int64_t factoryId, const std::string& mobile);
LimitKey adminLimitKey(const std::string& username);

// Login and registration limits, kept in the database (login_limits) so that
// every instance sharing it sees the same counts. Checks come before any
// password hashing and refuse with TooManyAttempts; nothing here sleeps.
//
// A login row counts failures (updated_at: the last one) and is refused until
// locked_until. A registration row counts the registrations of the window that
// began at updated_at, and is refused until the window ends once it is full.
// Rows with nothing left to say are deleted now and then, by whichever call
// comes along.
//
// Concurrent attempts on one key that pass the check together are all
// counted after their hashing, so a burst may overshoot a limit by at most
// the hashing pool's capacity.
class AttemptLimiter {
 public:
  AttemptLimiter(storage::Database& db, AttemptLimits limits, const sdk::Clock& clock);

  // Throws TooManyAttempts when the account or the address (empty: none)
  // must wait.
  void checkLogin(const LimitKey& account, const std::string& address);
  void loginFailed(const LimitKey& account, const std::string& address);
  // Forgets the account's failures (not the address's: one's own account
  // must not clear an address that is guessing others').
  void loginSucceeded(const LimitKey& account);

  // Throws TooManyAttempts when the address has registered its fill.
  void checkRegistration(const std::string& address);
  // Inside the registration's own transaction, so the count is exact under
  // concurrency: counts it, or throws TooManyAttempts (rolling it back).
  void countRegistration(Poco::Data::Session& s, const std::string& address);

  const AttemptLimits& limits() const { return limits_; }

 private:
  void fail(Poco::Data::Session& s, const LimitKey& key, const FailureRule& rule, std::int64_t now);
  void cleanUpNowAndThen(std::int64_t now);

  storage::Database& db_;
  AttemptLimits limits_;
  const sdk::Clock& clock_;
  std::atomic<std::int64_t> lastCleanUp_{0};
};

}  // namespace paynext::core::identity
