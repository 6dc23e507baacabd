#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include <Poco/Data/Session.h>

#include "paynext/sdk/ledger.h"

namespace paynext::core::ledger {

struct WalletAmounts {
  sdk::Fen balance = 0;
  sdk::Fen frozen = 0;
  std::int64_t points = 0;
  sdk::Fen totalConsumed = 0;
};

// A user's wallet inside the caller's transaction. Each change is one
// conditional UPDATE ... RETURNING (so concurrent debits can never overdraw)
// plus a ledger entry recording the new total it returned.
class WalletLedger : public sdk::Ledger {
 public:
  // origin tags every entry with what caused it (a payment "pay:<out>" or a
  // chain step's key), so a payment's detail can list its money moves.
  WalletLedger(Poco::Data::Session& session, std::int64_t factoryId, std::int64_t userId, std::string origin = "");

  WalletAmounts amounts();

  sdk::Fen balance() override { return amounts().balance; }
  sdk::Fen frozen() override { return amounts().frozen; }
  std::int64_t points() override { return amounts().points; }
  void debit(sdk::Fen amount, const std::string& reason, const std::string& reference) override;
  void credit(sdk::Fen amount, const std::string& reason, const std::string& reference) override;
  void freeze(sdk::Fen amount, const std::string& reason, const std::string& reference) override;
  void unfreeze(sdk::Fen amount, const std::string& reason, const std::string& reference) override;
  void debitPoints(std::int64_t points, const std::string& reason, const std::string& reference) override;
  void creditPoints(std::int64_t points, const std::string& reason, const std::string& reference) override;

  // A signed correction by an admin, neither a purchase nor a payment: total
  // consumed is left alone. Refused like a debit when the total would go
  // below zero.
  void adjustBalance(sdk::Fen delta, const std::string& reason, const std::string& reference);
  void adjustPoints(std::int64_t delta, const std::string& reason, const std::string& reference);

 private:
  // Adds delta to the column (and consumed to total_consumed) when the
  // column stays >= 0: its new total; nothing, changing nothing, otherwise.
  std::optional<std::int64_t> change(const char* column, std::int64_t delta, sdk::Fen consumed = 0);
  // Moves amount from one column to another when `from` stays >= 0: both
  // new totals; nothing, changing nothing, otherwise.
  std::optional<std::pair<std::int64_t, std::int64_t>> move(const char* from, const char* to, std::int64_t amount);
  // change() by a positive amount, which only a missing wallet refuses.
  std::int64_t add(const char* column, std::int64_t amount);
  void record(const char* currency, std::int64_t delta, std::int64_t after, const std::string& reason,
              const std::string& reference);

  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  std::int64_t userId_;
  std::string origin_;
};

}  // namespace paynext::core::ledger
