#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/identity/attempt_limiter.h"
#include "core/identity/hashing_pool.h"
#include "core/storage/database.h"

namespace paynext::core::identity {

// Who is calling the admin API. Platform admins see every factory; factory
// admins only their own (factoryId).
struct AdminPrincipal {
  std::int64_t id = 0;  // 0 for the bootstrap token of the configuration
  std::string username;
  bool platform = false;
  std::int64_t factoryId = 0;
};

struct AdminToken {
  std::string token;
  std::int64_t expiresAt = 0;
};

// Admin accounts (platform or factory), logged in with username + password
// for a short-lived opaque bearer token stored hashed. With a limiter, logins
// are limited per username and client address (TooManyAttempts); with a
// pool, hashing is bounded (HashingBusy).
class AdminAccounts {
 public:
  AdminAccounts(storage::Database& db, unsigned passwordIterations, std::int64_t tokenTtlMs,
                AttemptLimiter* limiter = nullptr, HashingPool* hashing = nullptr);

  // factoryId is 0 for a platform admin. Throws sdk::Error for bad input.
  AdminPrincipal create(const std::string& username, const std::string& password, bool platform,
                        std::int64_t factoryId);
  // nullopt for an unknown user or a wrong password (indistinguishable).
  // clientAddress: who asks, for the per-address limit; empty: none.
  std::optional<AdminToken> login(const std::string& username, const std::string& password,
                                  const std::string& clientAddress = "");
  std::optional<AdminPrincipal> authenticate(const std::string& token);
  // Accounts by id: every one when factoryId is 0, else that factory's admins.
  std::vector<AdminPrincipal> list(std::int64_t factoryId);

 private:
  void hash(const std::function<void()>& fn);

  storage::Database& db_;
  unsigned passwordIterations_;
  std::int64_t tokenTtlMs_;
  AttemptLimiter* limiter_;
  HashingPool* hashing_;
};

}  // namespace paynext::core::identity
