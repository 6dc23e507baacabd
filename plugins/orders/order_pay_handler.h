#pragma once
#include "paynext/sdk/action_handler.h"

namespace paynext::plugins::orders {

// nextAction type 0 支付商城订单: {type:0, id:1234} or {type:0, id:"77,88,99"}
// pays the user's unpaid orders from the wallet the payment just credited,
// taking their goods' stock; a step run again with its key changes nothing.
class OrderPayHandler : public sdk::ActionHandler {
 public:
  sdk::Fen validate(sdk::ValidateContext& ctx) override;
  sdk::StepResult execute(sdk::ExecuteContext& ctx) override;
};

}  // namespace paynext::plugins::orders
