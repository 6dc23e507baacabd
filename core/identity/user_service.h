#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/common/expiring_cache.h"
#include "core/identity/attempt_limiter.h"
#include "core/identity/hashing_pool.h"
#include "core/storage/database.h"

namespace paynext::core::identity {

struct User {
  std::int64_t id = 0;
  std::int64_t factoryId = 0;
  std::string mobile;
  std::string nick;
};

struct LoginToken {
  std::string token;  // shown once; only its hash is stored
  std::int64_t userId = 0;
  std::int64_t expiresAt = 0;
};

struct UserServiceOptions {
  std::int64_t tokenTtlMs = 7LL * 24 * 3600 * 1000;
  unsigned passwordIterations = 100000;
  // How long a token found valid is trusted without asking the database
  // again (its expiry is still checked every time); 0: asked every time.
  std::chrono::milliseconds tokenCacheTtl{0};
};

// Users of a factory: registration and login by mobile + password (salted
// PBKDF2), opaque random tokens stored hashed with an expiry. With a limiter,
// logins and registrations are limited per account and client address
// (TooManyAttempts); with a pool, hashing is bounded (HashingBusy).
class UserService {
 public:
  UserService(storage::Database& db, UserServiceOptions options = {}, AttemptLimiter* limiter = nullptr,
              HashingPool* hashing = nullptr);

  // clientAddress: who asks, for the per-address limits; empty: none.
  User registerByMobile(std::int64_t factoryId, const std::string& mobile, const std::string& password,
                        const std::string& nick, const std::string& clientAddress = "");
  LoginToken login(std::int64_t factoryId, const std::string& mobile, const std::string& password,
                   const std::string& clientAddress = "");
  // The token's user, or nullopt when it is unknown, expired or of another factory.
  std::optional<User> authenticate(std::int64_t factoryId, const std::string& token);

 private:
  struct KnownToken {
    User user;
    std::int64_t expiresAt = 0;
  };
  using TokenKey = std::pair<std::int64_t, std::string>;  // factory, token hash

  void hash(const std::function<void()>& fn);
  std::optional<KnownToken> lookUp(std::int64_t factoryId, const std::string& tokenHash);

  storage::Database& db_;
  UserServiceOptions options_;
  AttemptLimiter* limiter_;
  HashingPool* hashing_;
  ExpiringCache<TokenKey, std::optional<KnownToken>> tokens_;
};

}  // namespace paynext::core::identity
