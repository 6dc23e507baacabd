#pragma once
#include "paynext/sdk/action_handler.h"

namespace paynext::plugins::membercard {

// nextAction type 10 购买会员卡 {type:10, id}: debits the card's price and
// issues the user the card (a new number, valid from now for the card's
// days) or extends the user's card of it from its current expiry while valid.
class BuyCardHandler : public sdk::ActionHandler {
 public:
  sdk::Fen validate(sdk::ValidateContext& ctx) override;
  sdk::StepResult execute(sdk::ExecuteContext& ctx) override;
};

}  // namespace paynext::plugins::membercard
