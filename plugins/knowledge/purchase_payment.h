#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "paynext/sdk/ledger.h"
#include "paynext/sdk/money.h"

#include "item_store.h"
#include "purchase_store.h"

namespace paynext::plugins::knowledge {

// Paying one or several purchases of a user from the wallet: validate and
// execute share it, so both refuse the same things with the same words.
class PurchasePayment {
 public:
  // Loads the purchases and checks each is the user's, pending, and its item
  // still on sale; the total is the items' prices as admins set them.
  // A purchase this very step already paid (`reference`) counts as settled.
  // Throws sdk::Error naming the first purchase that is not payable.
  PurchasePayment(PurchaseStore& purchases, ItemStore& items, std::int64_t userId,
                  const std::vector<std::int64_t>& ids, const std::string& reference = "");

  sdk::Fen total() const { return total_; }
  // True when `reference` already paid every purchase: nothing left to do.
  bool settled() const { return pending_.empty(); }
  // "knowledge:77,88,99", the ledger reference.
  std::string ledgerReference() const;

  // Marks every pending purchase paid with `reference` and debits the total.
  // Throws sdk::InsufficientFunds when the wallet is short and sdk::Error when
  // a purchase was paid meanwhile; the caller's transaction then rolls back.
  void pay(sdk::Ledger& ledger, const std::string& reference);

 private:
  struct Due {
    std::int64_t id;
    sdk::Fen price;
  };
  PurchaseStore& purchases_;
  std::int64_t userId_;
  std::vector<std::int64_t> ids_;
  std::vector<Due> pending_;
  sdk::Fen total_ = 0;
};

}  // namespace paynext::plugins::knowledge
