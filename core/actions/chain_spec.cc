#include "core/actions/chain_spec.h"

#include <limits>

#include "core/actions/next_action_error.h"
#include "core/actions/next_action_parser.h"

namespace paynext::core::actions {

namespace {

// "nextAction 第 N 步:", the prefix of every message about one step (N from 1).
std::string stepLabel(std::size_t index) { return "nextAction 第 " + std::to_string(index + 1) + " 步:"; }

std::string tooManySteps(const NextActionLimits& limits) {
  return "nextAction 步骤过多(最多 " + std::to_string(limits.maxSteps) + " 步)";
}

// A JSON integer, or a string of ASCII digits ("2") as some clients send it.
int readType(const Poco::JSON::Object& step, std::size_t index) {
  if (!step.has("type")) throw NextActionError(stepLabel(index) + "缺少 type", "type");
  const Poco::Dynamic::Var value = step.get("type");
  const NextActionError notInteger(stepLabel(index) + "type 必须是非负整数", "type");
  const NextActionError tooLarge(stepLabel(index) + "type 超出范围", "type");
  constexpr auto kMax = static_cast<Poco::UInt64>(std::numeric_limits<int>::max());
  if (value.isString()) {
    const std::string text = value.extract<std::string>();
    if (text.empty()) throw notInteger;
    Poco::UInt64 n = 0;
    for (const char c : text) {
      if (c < '0' || c > '9') throw notInteger;
      n = n * 10 + static_cast<Poco::UInt64>(c - '0');
      if (n > kMax) throw tooLarge;
    }
    return static_cast<int>(n);
  }
  // Var counts bool as an integer; a type of true is still wrong.
  if (!value.isInteger() || value.isBoolean()) throw notInteger;
  if (value.isSigned()) {
    const auto n = value.convert<Poco::Int64>();
    if (n < 0) throw notInteger;
    if (static_cast<Poco::UInt64>(n) > kMax) throw tooLarge;
    return static_cast<int>(n);
  }
  if (value.convert<Poco::UInt64>() > kMax) throw tooLarge;
  return value.convert<int>();
}

Poco::JSON::Object::Ptr paramsOf(const Poco::JSON::Object& step) {
  Poco::JSON::Object::Ptr params = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const auto& name : step.getNames()) {
    if (name != "type" && name != "nextAction") params->set(name, step.get(name));
  }
  return params;
}

// The step after step `index`, or null at the end of the chain.
Poco::JSON::Object::Ptr nextOf(const Poco::JSON::Object& step, std::size_t index, const NextActionLimits& limits) {
  if (!step.has("nextAction") || step.isNull("nextAction")) return nullptr;
  const Poco::Dynamic::Var value = step.get("nextAction");
  const bool isObject = step.isObject("nextAction");
  if (!isObject && !value.isString()) {
    throw NextActionError(stepLabel(index) + "nextAction 必须是对象或包含对象的字符串", "nextAction");
  }
  if (value.isString() && value.extract<std::string>().find_first_not_of(" \t\r\n") == std::string::npos) {
    return nullptr;  // "" is how some clients say "nothing next"
  }
  // Counted before parsing, so an over-long chain is refused as such.
  if (index + 1 >= static_cast<std::size_t>(std::max(limits.maxSteps, 0))) {
    throw NextActionError(tooManySteps(limits));
  }
  if (isObject) return step.getObject("nextAction");
  try {
    return parseNextAction(value.extract<std::string>(), limits);
  } catch (const NextActionError& e) {
    // The limit is on the whole chain, not on this step's text.
    if (e.what() == tooManySteps(limits)) throw;
    throw NextActionError(stepLabel(index) + e.what(), "nextAction");
  }
}

}  // namespace

std::vector<StepSpec> flattenChain(const Poco::JSON::Object::Ptr& root, const NextActionLimits& limits) {
  if (!root) throw NextActionError("nextAction 必须是 JSON 对象");
  if (limits.maxSteps < 1) throw NextActionError(tooManySteps(limits));
  std::vector<StepSpec> steps;
  for (Poco::JSON::Object::Ptr step = root; step; step = nextOf(*step, steps.size() - 1, limits)) {
    steps.push_back({readType(*step, steps.size()), paramsOf(*step)});
  }
  return steps;
}

}  // namespace paynext::core::actions
