#pragma once
#include <cstddef>

namespace paynext::core::actions {

// Bounds on a client's nextAction, so a hostile one costs little to refuse.
struct NextActionLimits {
  std::size_t maxBytes = 8192;
  int maxDepth = 8;   // JSON nesting depth of objects/arrays within one step
  int maxSteps = 10;  // nextAction chain length
};

}  // namespace paynext::core::actions
