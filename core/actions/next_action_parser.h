#pragma once
#include <string>

#include <Poco/JSON/Object.h>

#include "core/actions/next_action_limits.h"

namespace paynext::core::actions {

// Parses a client's nextAction into a JSON object (keys in the client's order).
// Accepted: strict JSON; a JSON string holding the object (mobile clients send
// a string field; unwrapped once); and the documents' relaxed literal form:
// unquoted keys ([A-Za-z0-9_$]+), single-quoted strings, trailing commas.
// Depth is counted per chain step: the object under a step's "nextAction" is
// the next step and starts again at depth 1; more than maxSteps such steps is
// refused here too. Throws NextActionError.
Poco::JSON::Object::Ptr parseNextAction(const std::string& text, const NextActionLimits& limits = {});

}  // namespace paynext::core::actions
