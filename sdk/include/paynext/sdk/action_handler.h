#pragma once
#include "paynext/sdk/visibility.h"
#include <memory>
#include <string>
#include <vector>

#include "paynext/sdk/action_context.h"
#include "paynext/sdk/money.h"
#include "paynext/sdk/step_result.h"

namespace paynext::sdk {

// One nextAction type code.
//
// A step runs in up to two phases. A step with an effect outside the database
// (an SMS, a partner's pay-result call, any webhook) overrides hasEffect() and
// effect(): the host calls effect() first, outside any transaction and any
// lock, with the step's idempotency key; only when it answers Done does
// execute() run, in the step's transaction, with effect()'s result in
// ctx.effect, so the outcome commits with the step's status. A crash between
// the two runs effect() again with the same key: the outside service must
// treat the key as idempotent (or effect() first checks what is on record).
class PAYNEXT_SDK_API ActionHandler {
 public:
  virtual ~ActionHandler() = default;

  // Checks params and targets when the payment is created and returns the fen
  // the step will debit from the wallet. Throws ParamError or Error to refuse.
  virtual Fen validate(ValidateContext& ctx) = 0;

  virtual bool hasEffect() const { return false; }
  // Phase one, outside any transaction. Retry and Fail end the attempt there.
  virtual StepResult effect(EffectContext&) { return StepResult::done(); }

  // Runs the step inside its transaction. Throwing counts as Fail.
  virtual StepResult execute(ExecuteContext& ctx) = 0;
};

// Describes one parameter for admins and for the docs.
struct ParamSpec {
  std::string name;
  std::string type;  // "int", "string", "money", "bool", "object", "ids"
  bool required = true;
  std::string description;
};

struct ActionType {
  int code = 0;
  std::string title;
  std::vector<ParamSpec> params;
  std::shared_ptr<ActionHandler> handler;
};

}  // namespace paynext::sdk
