#pragma once
#include "paynext/sdk/action_handler.h"

namespace paynext::plugins::errands {

// Type 20 {taskId}: debits the poster's task fee and publishes the task.
class PayTaskHandler : public sdk::ActionHandler {
 public:
  sdk::Fen validate(sdk::ValidateContext& ctx) override;
  sdk::StepResult execute(sdk::ExecuteContext& ctx) override;
};

}  // namespace paynext::plugins::errands
