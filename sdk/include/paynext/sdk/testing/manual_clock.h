#pragma once
#include <cstdint>

#include "paynext/sdk/clock.h"

namespace paynext::sdk::testing {

// A clock that moves only when the test says so.
class ManualClock : public Clock {
 public:
  std::int64_t now = 1700000000000;  // 2023-11-14T22:13:20Z

  std::int64_t nowMs() const override { return now; }
  void advance(std::int64_t ms) { now += ms; }
};

}  // namespace paynext::sdk::testing
