#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "core/storage/database.h"

namespace paynext::core::identity {

struct UserFilter {
  std::string mobile;  // exact; empty: any
  int limit = 50;
  int offset = 0;
};

// Read-only views of a factory's users for admins, with their wallets; never
// across factories. Money in fen.
class UserQueries {
 public:
  explicit UserQueries(storage::Database& db) : db_(db) {}

  // Newest first: id, mobile, nick, createdAt, balance, frozen, points.
  Poco::JSON::Array::Ptr search(std::int64_t factoryId, const UserFilter& filter);
  // The user with "wallet" (balance, frozen, points, totalConsumed) and the
  // newest `ledgerLimit` ledger entries from `ledgerOffset` in "ledger";
  // null when the factory has no such user.
  Poco::JSON::Object::Ptr detail(std::int64_t factoryId, std::int64_t userId, int ledgerLimit, int ledgerOffset);

 private:
  storage::Database& db_;
};

}  // namespace paynext::core::identity
