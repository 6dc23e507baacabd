#pragma once
#include "paynext/sdk/action_handler.h"

namespace paynext::plugins::blindbox {

// nextAction type 22 支付并投放盲盒 {type:22, boxId: 10}: debits the factory's
// box price and publishes the user's pending box, once.
class PublishBoxHandler : public sdk::ActionHandler {
 public:
  sdk::Fen validate(sdk::ValidateContext& ctx) override;
  sdk::StepResult execute(sdk::ExecuteContext& ctx) override;
};

}  // namespace paynext::plugins::blindbox
