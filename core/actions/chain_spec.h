#pragma once
#include <vector>

#include <Poco/JSON/Object.h>

#include "core/actions/next_action_limits.h"

namespace paynext::core::actions {

struct StepSpec {
  int type = 0;
  Poco::JSON::Object::Ptr params;  // the step's own object without "type" and "nextAction"
};

// The steps of a parsed nextAction in the order they run (outer first). A
// step's "nextAction" may be an object or a string holding one; null or ""
// ends the chain. Throws NextActionError.
std::vector<StepSpec> flattenChain(const Poco::JSON::Object::Ptr& root, const NextActionLimits& limits = {});

}  // namespace paynext::core::actions
