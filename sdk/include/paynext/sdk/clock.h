#pragma once
#include "paynext/sdk/visibility.h"
#include <cstdint>

namespace paynext::sdk {

// The host's clock, as epoch milliseconds. Modules read time only through it,
// so tests (the harness, or paynextd's test clock) can move it.
class PAYNEXT_SDK_API Clock {
 public:
  virtual ~Clock() = default;
  virtual std::int64_t nowMs() const = 0;
};

}  // namespace paynext::sdk
