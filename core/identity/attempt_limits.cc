#include "core/identity/attempt_limits.h"

#include <algorithm>

namespace paynext::core::identity {

std::int64_t lockedUntilAfter(const FailureRule& rule, std::int64_t failures, std::int64_t now) {
  if (failures <= rule.freeFailures) return 0;
  if (failures >= rule.lockoutFailures) return now + rule.lockoutMs;
  // Doubling, capped before the shift could overflow.
  std::int64_t delay = rule.firstDelayMs;
  for (std::int64_t i = rule.freeFailures + 1; i < failures && delay < rule.lockoutMs; ++i) delay *= 2;
  return now + std::min(delay, rule.lockoutMs);
}

}  // namespace paynext::core::identity
