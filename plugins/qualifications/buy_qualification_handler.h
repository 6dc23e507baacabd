#pragma once
#include <utility>

#include "paynext/sdk/action_handler.h"

#include "qualification.h"

namespace paynext::plugins::qualifications {

// nextAction types 12, 13 and 14, one instance per kind: debits the price
// admins set for the kind and grants (or extends) it, in the step's
// transaction. The params are the type alone.
class BuyQualificationHandler : public sdk::ActionHandler {
 public:
  explicit BuyQualificationHandler(Kind kind) : kind_(std::move(kind)) {}

  sdk::Fen validate(sdk::ValidateContext& ctx) override;
  sdk::StepResult execute(sdk::ExecuteContext& ctx) override;

 private:
  Kind kind_;
};

}  // namespace paynext::plugins::qualifications
