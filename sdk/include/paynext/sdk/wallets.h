#pragma once
#include "paynext/sdk/visibility.h"
#include <cstdint>

#include "paynext/sdk/ledger.h"

namespace paynext::sdk {

// The wallets of every user of the caller's factory, bound to the caller's
// session: a seller's share credited by a step, a runner's fee paid by a
// route, a renewal debited by a job. Changes commit with the caller's
// transaction; debits never go below zero (InsufficientFunds).
class PAYNEXT_SDK_API Wallets {
 public:
  virtual ~Wallets() = default;
  // Throws Error(codes::kNoData) when the user is not one of this factory's.
  virtual Ledger& of(std::int64_t userId) = 0;
};

}  // namespace paynext::sdk
