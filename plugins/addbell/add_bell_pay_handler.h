#pragma once
#include "paynext/sdk/action_handler.h"

namespace paynext::plugins::addbell {

// nextAction type 19 加钟 {type:19, orderAddBellId:77}: debits the record's
// amount, marks it paid and lengthens its order, in the step's transaction.
class AddBellPayHandler : public sdk::ActionHandler {
 public:
  sdk::Fen validate(sdk::ValidateContext& ctx) override;
  sdk::StepResult execute(sdk::ExecuteContext& ctx) override;
};

}  // namespace paynext::plugins::addbell
