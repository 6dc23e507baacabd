#pragma once
#include "paynext/sdk/visibility.h"
#include <cstdint>
#include <string>

#include "paynext/sdk/money.h"

namespace paynext::sdk {

// The caller's wallet, bound to the current transaction. Every change writes a
// ledger entry with the reason and reference given. Debits that the wallet
// cannot cover throw InsufficientFunds and change nothing.
class PAYNEXT_SDK_API Ledger {
 public:
  virtual ~Ledger() = default;

  virtual Fen balance() = 0;
  virtual Fen frozen() = 0;
  virtual std::int64_t points() = 0;

  virtual void debit(Fen amount, const std::string& reason, const std::string& reference) = 0;
  virtual void credit(Fen amount, const std::string& reason, const std::string& reference) = 0;
  // Moves money from balance to frozen (a deposit) and back.
  virtual void freeze(Fen amount, const std::string& reason, const std::string& reference) = 0;
  virtual void unfreeze(Fen amount, const std::string& reason, const std::string& reference) = 0;
  virtual void debitPoints(std::int64_t points, const std::string& reason, const std::string& reference) = 0;
  virtual void creditPoints(std::int64_t points, const std::string& reason, const std::string& reference) = 0;
};

}  // namespace paynext::sdk
