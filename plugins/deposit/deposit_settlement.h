#pragma once
#include <cstdint>
#include <string>

#include "paynext/sdk/action_context.h"

#include "deposit.h"

namespace paynext::plugins::deposit {

// Ends a HELD deposit of the scope's factory, in the caller's transaction: the
// deposit's state and the owner's wallet change together. Throws sdk::Error,
// changing nothing: 700 押金记录 N 不存在 for an id that is not the factory's,
// 409 when the deposit is not HELD (already released or forfeited, or by an
// admin who got there first), 300 for a bad forfeit amount.
class DepositSettlement {
 public:
  static constexpr int kNotHeld = 409;

  explicit DepositSettlement(const sdk::Scope& scope) : scope_(scope) {}

  // The whole frozen amount goes back to the balance (unfreeze, reason 退还押金).
  Deposit release(std::int64_t id);
  // `amount` (0 < amount <= the deposit) leaves the wallet: the whole deposit
  // is unfrozen and `amount` debited, both with reason "扣除押金:<reason>";
  // the rest stays in the balance.
  Deposit forfeit(std::int64_t id, sdk::Fen amount, const std::string& reason);

 private:
  Deposit held(std::int64_t id, const std::string& action);
  Deposit settle(const Deposit& deposit, const std::string& status, sdk::Fen forfeited, const std::string& reason,
                 const std::string& action);

  sdk::Scope scope_;
};

}  // namespace paynext::plugins::deposit
