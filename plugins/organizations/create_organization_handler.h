#pragma once
#include "paynext/sdk/action_handler.h"

namespace paynext::plugins::organizations {

// nextAction type 16 创建新组织 {type:16, priceId:88, name:'组织名称', remark:'组织备注'}:
// debits the item's price and creates an organization owned by the payer,
// valid from now for the item's days, in the step's transaction.
class CreateOrganizationHandler : public sdk::ActionHandler {
 public:
  sdk::Fen validate(sdk::ValidateContext& ctx) override;
  sdk::StepResult execute(sdk::ExecuteContext& ctx) override;
};

}  // namespace paynext::plugins::organizations
