#pragma once
#include "paynext/sdk/errors.h"
#include "paynext/sdk/ledger.h"

namespace paynext::core::ledger {

// The ledger handed to routes called without a user: every use is refused.
class NoWallet : public sdk::Ledger {
 public:
  sdk::Fen balance() override { refuse(); }
  sdk::Fen frozen() override { refuse(); }
  std::int64_t points() override { refuse(); }
  void debit(sdk::Fen, const std::string&, const std::string&) override { refuse(); }
  void credit(sdk::Fen, const std::string&, const std::string&) override { refuse(); }
  void freeze(sdk::Fen, const std::string&, const std::string&) override { refuse(); }
  void unfreeze(sdk::Fen, const std::string&, const std::string&) override { refuse(); }
  void debitPoints(std::int64_t, const std::string&, const std::string&) override { refuse(); }
  void creditPoints(std::int64_t, const std::string&, const std::string&) override { refuse(); }

 private:
  [[noreturn]] static void refuse() { throw sdk::Error(sdk::codes::kNotLoggedIn, "请先登录"); }
};

}  // namespace paynext::core::ledger
