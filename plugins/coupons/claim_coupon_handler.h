#pragma once
#include "paynext/sdk/action_handler.h"

namespace paynext::plugins::coupons {

// nextAction type 7 领取指定的优惠券: grants the caller one coupon of a rule,
// debiting the rule's price (0 for a free coupon) in the step's transaction.
// The rule's stock and per-user limit hold however many payments race for
// them: the step that finds none left fails and its money stays in the wallet.
class ClaimCouponHandler : public sdk::ActionHandler {
 public:
  sdk::Fen validate(sdk::ValidateContext& ctx) override;
  sdk::StepResult execute(sdk::ExecuteContext& ctx) override;
};

}  // namespace paynext::plugins::coupons
