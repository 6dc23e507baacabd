#pragma once
#include "paynext/sdk/action_handler.h"

namespace paynext::plugins::cpmatch {

// nextAction type 23 cp匹配活动-付费入场 {type:23, cpactivityId}: admits the
// caller, who signed up (stating a gender) through /cpmatch/signup, to the
// activity for its fee. Allowed until the activity starts. In the step's
// transaction the activity's admitted count for the caller's gender goes up
// by one (only while a place is left: of two payers racing for the last
// place, one step fails and keeps its money), the sign-up turns ADMITTED and
// the wallet is debited the fee.
class AdmitHandler : public sdk::ActionHandler {
 public:
  sdk::Fen validate(sdk::ValidateContext& ctx) override;
  sdk::StepResult execute(sdk::ExecuteContext& ctx) override;
};

}  // namespace paynext::plugins::cpmatch
