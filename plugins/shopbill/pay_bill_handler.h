#pragma once
#include "paynext/sdk/action_handler.h"

namespace paynext::plugins::shopbill {

// nextAction type 4 优惠买单 {type:4, shopId:888, money:消费金额}: `money` is
// the bill before the discount; the step debits what the shop's rule leaves
// due and records the bill for the shop, in the step's transaction.
class PayBillHandler : public sdk::ActionHandler {
 public:
  sdk::Fen validate(sdk::ValidateContext& ctx) override;
  sdk::StepResult execute(sdk::ExecuteContext& ctx) override;
};

}  // namespace paynext::plugins::shopbill
