#include "core/identity/attempt_limiter.h"

#include <algorithm>
#include <vector>

#include <Poco/Logger.h>

#include "core/crypto/digest.h"
#include "core/identity/too_many_attempts.h"

namespace paynext::core::identity {

using namespace Poco::Data::Keywords;
using Poco::Data::Session;

namespace {

constexpr const char* kAddress = "address";
constexpr const char* kRegister = "register";
constexpr std::int64_t kCleanUpEveryMs = 60 * 1000;

// Keys come from callers (an admin username may be any string): a long one is
// stored by its digest, so a row stays small.
std::string bounded(const std::string& key) { return key.size() <= 128 ? key : "sha256:" + crypto::sha256Hex(key); }

// Whole seconds to wait, rounded up, at least 1.
std::int64_t secondsUntil(std::int64_t until, std::int64_t at) { return std::max<std::int64_t>(1, (until - at + 999) / 1000); }

struct Row {
  bool found = false;
  std::int64_t failures = 0, lockedUntil = 0, updatedAt = 0;
};

Row readRow(Session& s, const LimitKey& key) {
  std::vector<std::int64_t> failures, locked, updated;
  std::string kind = key.kind, k = bounded(key.key);
  s << "SELECT failures, locked_until, updated_at FROM login_limits WHERE kind = $1 AND key = $2", use(kind), use(k),
      into(failures), into(locked), into(updated), now;
  if (failures.empty()) return {};
  return {true, failures[0], locked[0], updated[0]};
}

void writeRow(Session& s, const LimitKey& key, const Row& before, std::int64_t failures, std::int64_t lockedUntil,
              std::int64_t updatedAt) {
  std::string kind = key.kind, k = bounded(key.key);
  if (before.found) {
    s << "UPDATE login_limits SET failures = $1, locked_until = $2, updated_at = $3 WHERE kind = $4 AND key = $5",
        use(failures), use(lockedUntil), use(updatedAt), use(kind), use(k), now;
  } else {
    s << "INSERT INTO login_limits (kind, key, failures, locked_until, updated_at) VALUES ($1, $2, $3, $4, $5)",
        use(kind), use(k), use(failures), use(lockedUntil), use(updatedAt), now;
  }
}

std::int64_t lockedUntil(storage::Database& db, const LimitKey& key) {
  Session s = db.session();
  return readRow(s, key).lockedUntil;
}

}  // namespace

LimitKey userLimitKey(std::int64_t factoryId, const std::string& mobile) {
  return {"user", std::to_string(factoryId) + ":" + mobile};
}

LimitKey adminLimitKey(const std::string& username) { return {"admin", username}; }

AttemptLimiter::AttemptLimiter(storage::Database& db, AttemptLimits limits, const sdk::Clock& clock)
    : db_(db), limits_(limits), clock_(clock) {}

void AttemptLimiter::checkLogin(const LimitKey& account, const std::string& address) {
  std::int64_t until = lockedUntil(db_, account);
  if (!address.empty()) until = std::max(until, lockedUntil(db_, {kAddress, address}));
  const std::int64_t at = clock_.nowMs();
  if (until > at) {
    const std::int64_t wait = secondsUntil(until, at);
    throw TooManyAttempts("登录失败次数过多,请 " + std::to_string(wait) + " 秒后再试", wait);
  }
}

void AttemptLimiter::fail(Session& s, const LimitKey& key, const FailureRule& rule, std::int64_t at) {
  const Row row = readRow(s, key);
  // Failures long past, with no wait still running, are forgotten.
  const bool stale = !row.found || (row.updatedAt + limits_.forgetMs <= at && row.lockedUntil <= at);
  const std::int64_t failures = (stale ? 0 : row.failures) + 1;
  writeRow(s, key, row, failures, lockedUntilAfter(rule, failures, at), at);
}

void AttemptLimiter::loginFailed(const LimitKey& account, const std::string& address) {
  const std::int64_t at = clock_.nowMs();
  db_.transaction([&](Session& s) {
    fail(s, account, limits_.account, at);
    if (!address.empty()) fail(s, {kAddress, address}, limits_.address, at);
  });
  cleanUpNowAndThen(at);
}

void AttemptLimiter::loginSucceeded(const LimitKey& account) {
  db_.transaction([&](Session& s) {
    std::string kind = account.kind, k = bounded(account.key);
    s << "DELETE FROM login_limits WHERE kind = $1 AND key = $2", use(kind), use(k), now;
  });
}

void AttemptLimiter::checkRegistration(const std::string& address) {
  if (address.empty() || limits_.registrationsPerAddress <= 0) return;
  const std::int64_t at = clock_.nowMs();
  cleanUpNowAndThen(at);
  const std::int64_t until = lockedUntil(db_, {kRegister, address});
  if (until > at) {
    const std::int64_t wait = secondsUntil(until, at);
    throw TooManyAttempts("注册过于频繁,请 " + std::to_string(wait) + " 秒后再试", wait);
  }
}

void AttemptLimiter::countRegistration(Session& s, const std::string& address) {
  if (address.empty() || limits_.registrationsPerAddress <= 0) return;
  const std::int64_t at = clock_.nowMs();
  const LimitKey key{kRegister, address};
  const Row row = readRow(s, key);
  const bool current = row.found && row.updatedAt + limits_.registrationWindowMs > at;
  if (current && row.lockedUntil > at) {
    // Another registration filled the window after this one's check.
    const std::int64_t wait = secondsUntil(row.lockedUntil, at);
    throw TooManyAttempts("注册过于频繁,请 " + std::to_string(wait) + " 秒后再试", wait);
  }
  const std::int64_t count = current ? row.failures + 1 : 1;
  const std::int64_t start = current ? row.updatedAt : at;
  const std::int64_t full = count >= limits_.registrationsPerAddress ? start + limits_.registrationWindowMs : 0;
  writeRow(s, key, row, count, full, start);
}

void AttemptLimiter::cleanUpNowAndThen(std::int64_t at) {
  std::int64_t last = lastCleanUp_.load();
  if (at - last < kCleanUpEveryMs || !lastCleanUp_.compare_exchange_strong(last, at)) return;
  try {
    std::int64_t before = at - std::max(limits_.forgetMs, limits_.registrationWindowMs), after = at;
    db_.transaction([&](Session& s) {
      s << "DELETE FROM login_limits WHERE updated_at < $1 AND locked_until < $2", use(before), use(after), now;
    });
  } catch (const std::exception& e) {
    // Only housekeeping: the next round tries again.
    Poco::Logger::get("paynext.identity").warning("login_limits clean-up failed: %s", std::string(e.what()));
  }
}

}  // namespace paynext::core::identity
