#pragma once
#include "paynext/sdk/action_handler.h"

namespace paynext::plugins::episodes {

// nextAction type 18 购买商品视频剧集 {type:18, goodsId: 77, number: 88}:
// debits the goods' price per episode from the wallet and unlocks episode
// `number` for the payer, in the step's transaction.
class UnlockEpisodeHandler : public sdk::ActionHandler {
 public:
  sdk::Fen validate(sdk::ValidateContext& ctx) override;
  sdk::StepResult execute(sdk::ExecuteContext& ctx) override;
};

}  // namespace paynext::plugins::episodes
