#pragma once
#include "paynext/sdk/action_handler.h"

namespace paynext::plugins::sms {

// nextAction type 2 发送短信: sends one SMS through a 普通短信 setting of the
// factory. Takes nothing from the wallet. The send is the step's effect: it
// runs outside any transaction, the provider gets the step's idempotency key,
// and a step whose message is on record never sends again. execute() then
// records the message with the step.
class SendSmsHandler : public sdk::ActionHandler {
 public:
  sdk::Fen validate(sdk::ValidateContext& ctx) override;
  bool hasEffect() const override { return true; }
  sdk::StepResult effect(sdk::EffectContext& ctx) override;
  sdk::StepResult execute(sdk::ExecuteContext& ctx) override;
};

}  // namespace paynext::plugins::sms
