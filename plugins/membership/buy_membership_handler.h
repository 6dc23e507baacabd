#pragma once
#include "paynext/sdk/action_handler.h"

namespace paynext::plugins::membership {

// nextAction type 6 购买会员: debits the price item's price and sets the
// user's level (same level: extended from its current expiry; another level:
// replaced from now), all in the step's transaction.
class BuyMembershipHandler : public sdk::ActionHandler {
 public:
  sdk::Fen validate(sdk::ValidateContext& ctx) override;
  sdk::StepResult execute(sdk::ExecuteContext& ctx) override;
};

}  // namespace paynext::plugins::membership
