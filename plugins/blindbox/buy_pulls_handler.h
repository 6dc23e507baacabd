#pragma once
#include "paynext/sdk/action_handler.h"

namespace paynext::plugins::blindbox {

// nextAction type 21 购买交友盲盒的解锁次数 {type:21, pullTimes: 10}: debits
// pullTimes × the factory's price per draw and adds the draws to the user's.
class BuyPullsHandler : public sdk::ActionHandler {
 public:
  sdk::Fen validate(sdk::ValidateContext& ctx) override;
  sdk::StepResult execute(sdk::ExecuteContext& ctx) override;
};

}  // namespace paynext::plugins::blindbox
