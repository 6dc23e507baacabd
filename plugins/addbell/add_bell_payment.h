#pragma once
#include <cstdint>
#include <string>

#include "paynext/sdk/action_context.h"
#include "paynext/sdk/ledger.h"
#include "paynext/sdk/money.h"

#include "add_bell.h"

namespace paynext::plugins::addbell {

// Paying one add-bell record from the wallet: validate and execute share it,
// so both refuse the same things with the same words.
class AddBellPayment {
 public:
  // Loads the record and checks it is the user's, pending and its order still
  // running at the clock's now. A record this very step already paid
  // (`reference`) counts as settled. Throws sdk::Error otherwise.
  AddBellPayment(sdk::Scope& scope, std::int64_t recordId, const std::string& reference = "");

  sdk::Fen amount() const { return record_.amount; }
  const AddBell& record() const { return record_; }
  bool settled() const { return settled_; }

  // Marks the record paid under `reference`, lengthens its order and debits
  // the amount. Throws sdk::InsufficientFunds when the wallet is short and
  // sdk::Error when the record or the order changed meanwhile; the caller's
  // transaction then rolls back.
  void pay(sdk::Ledger& ledger, const std::string& reference);

 private:
  sdk::Scope& scope_;
  AddBell record_;
  bool settled_ = false;
};

}  // namespace paynext::plugins::addbell
