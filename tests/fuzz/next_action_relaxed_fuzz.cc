// The client's nextAction text (strict JSON, a string holding it, or the
// documents' relaxed form) through parseNextAction and flattenChain. Only
// NextActionError may come out; what parses must round-trip: stringified and
// parsed again it gives the same steps (types and params).
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include <Poco/JSON/Stringifier.h>

#include "core/actions/chain_spec.h"
#include "core/actions/next_action_error.h"
#include "core/actions/next_action_parser.h"

namespace {

using paynext::core::actions::StepSpec;

std::string condensed(const Poco::JSON::Object::Ptr& object) {
  std::ostringstream out;
  Poco::JSON::Stringifier::condense(object, out);
  return out.str();
}

std::vector<std::string> describe(const std::vector<StepSpec>& steps) {
  std::vector<std::string> out;
  for (const auto& step : steps) out.push_back(std::to_string(step.type) + " " + condensed(step.params));
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace actions = paynext::core::actions;
  const std::string text(reinterpret_cast<const char*>(data), size);
  const actions::NextActionLimits limits;
  Poco::JSON::Object::Ptr root;
  std::vector<StepSpec> steps;
  try {
    root = actions::parseNextAction(text, limits);
    steps = actions::flattenChain(root, limits);
  } catch (const actions::NextActionError&) {
    return 0;
  }
  // As ChainPlanner::steps reads back what it stored: quoting may lengthen it.
  actions::NextActionLimits stored = limits;
  stored.maxBytes *= 2;
  const std::string again = condensed(root);
  if (describe(actions::flattenChain(actions::parseNextAction(again, stored), stored)) != describe(steps)) {
    std::abort();  // the stored form means something else than what was accepted
  }
  return 0;
}
