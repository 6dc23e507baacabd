#pragma once
#include <cstdint>
#include <string>

#include "paynext/sdk/errors.h"

namespace paynext::core::identity {

// A login or registration refused before any password hashing, because its
// account or client address must wait. The mobile API answers it as code 429
// in its envelope, the admin API as HTTP 429 with Retry-After.
class TooManyAttempts : public sdk::Error {
 public:
  static constexpr int kCode = 429;
  TooManyAttempts(const std::string& message, std::int64_t retryAfterSeconds)
      : sdk::Error(kCode, message), retryAfterSeconds_(retryAfterSeconds) {}
  std::int64_t retryAfterSeconds() const noexcept { return retryAfterSeconds_; }

 private:
  std::int64_t retryAfterSeconds_;
};

}  // namespace paynext::core::identity
