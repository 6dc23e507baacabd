#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/messages.h"
#include "paynext/sdk/testing/memory_ledger.h"
#include "paynext/sdk/users.h"
#include "paynext/sdk/wallets.h"

namespace paynext::sdk::testing {

// The factory's users, for Users::find; add the ones a test names.
class MemoryUsers : public Users {
 public:
  void add(std::int64_t id, std::string nickname = "", std::string maskedMobile = "138****0000") {
    users_[id] = UserInfo{id, std::move(nickname), std::move(maskedMobile)};
  }
  std::optional<UserInfo> find(std::int64_t userId) override {
    auto it = users_.find(userId);
    if (it == users_.end()) return std::nullopt;
    return it->second;
  }

 private:
  std::map<std::int64_t, UserInfo> users_;
};

// One MemoryLedger per user; like the host, only users of the factory have one.
class MemoryWallets : public Wallets {
 public:
  explicit MemoryWallets(Users& users) : users_(users) {}

  Ledger& of(std::int64_t userId) override { return ledger(userId); }

  MemoryLedger& ledger(std::int64_t userId) {
    if (userId <= 0 || !users_.find(userId)) throw Error(codes::kNoData, messages::userNotFound(userId));
    return ledgers_[userId];
  }
  // Every wallet, for restoring them when a transaction rolls back.
  std::map<std::int64_t, MemoryLedger> snapshot() const { return ledgers_; }
  // In place, so references a test holds to a wallet stay valid.
  void restore(const std::map<std::int64_t, MemoryLedger>& saved) {
    for (auto it = ledgers_.begin(); it != ledgers_.end();) {
      auto kept = saved.find(it->first);
      if (kept == saved.end()) {
        it = ledgers_.erase(it);
      } else {
        it->second = kept->second;
        ++it;
      }
    }
    for (const auto& [id, ledger] : saved) ledgers_.emplace(id, ledger);
  }

 private:
  Users& users_;
  std::map<std::int64_t, MemoryLedger> ledgers_;
};

}  // namespace paynext::sdk::testing
