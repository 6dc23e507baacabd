#pragma once
#include "paynext/sdk/errors.h"
#include "paynext/sdk/ledger.h"

namespace paynext::sdk {

// The ledger of a call without a user (a public or admin route): every use
// is refused as "not logged in".
class NoLedger : public Ledger {
 public:
  Fen balance() override { refuse(); }
  Fen frozen() override { refuse(); }
  std::int64_t points() override { refuse(); }
  void debit(Fen, const std::string&, const std::string&) override { refuse(); }
  void credit(Fen, const std::string&, const std::string&) override { refuse(); }
  void freeze(Fen, const std::string&, const std::string&) override { refuse(); }
  void unfreeze(Fen, const std::string&, const std::string&) override { refuse(); }
  void debitPoints(std::int64_t, const std::string&, const std::string&) override { refuse(); }
  void creditPoints(std::int64_t, const std::string&, const std::string&) override { refuse(); }

 private:
  [[noreturn]] static void refuse() { throw Error(codes::kNotLoggedIn, "请先登录"); }
};

}  // namespace paynext::sdk
