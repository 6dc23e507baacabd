#pragma once
#include "paynext/sdk/action_handler.h"

namespace paynext::plugins::knowledge {

// nextAction type 1 支付知识付费订单 {type:1, id:1234} or {type:1, id:"77,88,99"}:
// debits the items' prices from the wallet and marks the purchases paid, in
// the step's transaction.
class KnowledgePayHandler : public sdk::ActionHandler {
 public:
  sdk::Fen validate(sdk::ValidateContext& ctx) override;
  sdk::StepResult execute(sdk::ExecuteContext& ctx) override;
};

}  // namespace paynext::plugins::knowledge
