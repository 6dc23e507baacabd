#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/ledger.h"

namespace paynext::sdk::testing {

struct LedgerEntry {
  std::string currency;  // "balance", "frozen" or "points"
  std::int64_t amount;   // signed change
  std::string reason;
  std::string reference;
};

// A wallet in memory that refuses what the host's refuses: amounts that are
// not positive (std::invalid_argument) and debits it cannot cover.
class MemoryLedger : public Ledger {
 public:
  Fen balance_ = 0;
  Fen frozen_ = 0;
  std::int64_t points_ = 0;
  std::vector<LedgerEntry> entries;

  Fen balance() override { return balance_; }
  Fen frozen() override { return frozen_; }
  std::int64_t points() override { return points_; }
  void debit(Fen amount, const std::string& reason, const std::string& ref) override {
    positive(amount);
    if (amount > balance_) throw InsufficientFunds("余额不足");
    balance_ -= amount;
    entries.push_back({"balance", -amount, reason, ref});
  }
  void credit(Fen amount, const std::string& reason, const std::string& ref) override {
    positive(amount);
    balance_ += amount;
    entries.push_back({"balance", amount, reason, ref});
  }
  void freeze(Fen amount, const std::string& reason, const std::string& ref) override {
    debit(amount, reason, ref);
    frozen_ += amount;
    entries.push_back({"frozen", amount, reason, ref});
  }
  void unfreeze(Fen amount, const std::string& reason, const std::string& ref) override {
    positive(amount);
    if (amount > frozen_) throw InsufficientFunds("冻结金额不足");
    frozen_ -= amount;
    entries.push_back({"frozen", -amount, reason, ref});
    credit(amount, reason, ref);
  }
  void debitPoints(std::int64_t n, const std::string& reason, const std::string& ref) override {
    positive(n);
    if (n > points_) throw Error(codes::kNotEnoughPoints, "积分不足");
    points_ -= n;
    entries.push_back({"points", -n, reason, ref});
  }
  void creditPoints(std::int64_t n, const std::string& reason, const std::string& ref) override {
    positive(n);
    points_ += n;
    entries.push_back({"points", n, reason, ref});
  }

 private:
  static void positive(std::int64_t amount) {
    if (amount <= 0) throw std::invalid_argument("ledger amounts must be positive");
  }
};

}  // namespace paynext::sdk::testing
