#pragma once
#include "paynext/sdk/action_handler.h"

namespace paynext::plugins::deposit {

// nextAction type 5 支付押金: freezes the amount in the user's wallet and
// records the deposit, both in the step's transaction.
class DepositPayHandler : public sdk::ActionHandler {
 public:
  sdk::Fen validate(sdk::ValidateContext& ctx) override;
  sdk::StepResult execute(sdk::ExecuteContext& ctx) override;
};

}  // namespace paynext::plugins::deposit
