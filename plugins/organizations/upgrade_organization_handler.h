#pragma once
#include "paynext/sdk/action_handler.h"

namespace paynext::plugins::organizations {

// nextAction type 17 升级组织规模 {type:17, organizeId:77, priceId:88}:
// debits the larger item's full price and moves the payer's organization to
// it; its validity restarts from now for the item's days.
class UpgradeOrganizationHandler : public sdk::ActionHandler {
 public:
  sdk::Fen validate(sdk::ValidateContext& ctx) override;
  sdk::StepResult execute(sdk::ExecuteContext& ctx) override;
};

}  // namespace paynext::plugins::organizations
