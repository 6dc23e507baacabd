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
class PAYNEXT_SDK_API ActionHandler {
 public:
  virtual ~ActionHandler() = default;

  // Checks params and targets when the payment is created and returns the fen
  // the step will debit from the wallet. Throws ParamError or Error to refuse.
  virtual Fen validate(ValidateContext& ctx) = 0;

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
