#pragma once
#include <atomic>
#include <cstdint>

#include <Poco/Timestamp.h>

#include "paynext/sdk/clock.h"

namespace paynext::core {

// How far the host's clock is moved from the wall clock. Zero unless a test
// server (testing.clockControl=true) was told otherwise.
inline std::atomic<std::int64_t>& clockOffsetMs() {
  static std::atomic<std::int64_t> offset{0};
  return offset;
}

// The host's time as epoch milliseconds, the unit every table stores.
inline std::int64_t nowMs() { return Poco::Timestamp().epochMicroseconds() / 1000 + clockOffsetMs().load(); }

// The same clock as plugins see it.
class HostClock : public sdk::Clock {
 public:
  std::int64_t nowMs() const override { return core::nowMs(); }
};

}  // namespace paynext::core
