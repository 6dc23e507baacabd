#pragma once
#include "paynext/sdk/action_handler.h"

namespace paynext::plugins::campus {

// nextAction type 2001 开通校园卡套餐: {type:2001, itemIDs:"10000001,10000002", payType:0|1|2, empName?}.
// validate checks the packages as PayMoney does and needs their total price;
// execute debits it from the wallet and activates the packages, once per step.
// "Now" is the host's clock (scope.clock).
class ActivateHandler : public sdk::ActionHandler {
 public:
  static constexpr int kType = 2001;

  sdk::Fen validate(sdk::ValidateContext& ctx) override;
  sdk::StepResult execute(sdk::ExecuteContext& ctx) override;
};

}  // namespace paynext::plugins::campus
