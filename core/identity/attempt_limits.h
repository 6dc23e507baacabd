#pragma once
#include <cstdint>

namespace paynext::core::identity {

// How many failures a key may have before it must wait, and for how long.
struct FailureRule {
  int freeFailures = 5;              // failures that cost nothing
  int lockoutFailures = 10;          // from this many, each failure locks for lockoutMs
  std::int64_t firstDelayMs = 1000;  // the wait after failure freeFailures+1, doubling after each further one
  std::int64_t lockoutMs = 15 * 60 * 1000;
};

// The login and registration limits (identity.login.*, identity.register.* in
// etc/paynext.properties).
struct AttemptLimits {
  FailureRule account;                                          // per user (factory + mobile) or admin username
  FailureRule address{50, 200, 1000, 15 * 60 * 1000};           // per client address, all accounts together
  std::int64_t forgetMs = 60 * 60 * 1000;                       // failures forgotten this long after the last one
  int registrationsPerAddress = 30;                             // per address and window
  std::int64_t registrationWindowMs = 60 * 60 * 1000;
};

// When a key that has just reached `failures` failures may try again: 0 when
// at once, else now + the rule's wait (doubling, never past lockoutMs).
std::int64_t lockedUntilAfter(const FailureRule& rule, std::int64_t failures, std::int64_t now);

}  // namespace paynext::core::identity
