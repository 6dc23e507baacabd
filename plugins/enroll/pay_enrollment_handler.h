#pragma once
#include "paynext/sdk/action_handler.h"

namespace paynext::plugins::enroll {

// nextAction type 3 支付报名费 {type:3, id:1234}, id being the application's:
// takes a seat of the project, marks the application paid and debits the
// project's fee from the wallet, all in the step's transaction.
class PayEnrollmentHandler : public sdk::ActionHandler {
 public:
  sdk::Fen validate(sdk::ValidateContext& ctx) override;
  sdk::StepResult execute(sdk::ExecuteContext& ctx) override;
};

}  // namespace paynext::plugins::enroll
