#pragma once
#include <cstdint>

#include <Poco/Timestamp.h>

namespace paynext::core {

// Wall-clock time as epoch milliseconds, the unit every table stores.
inline std::int64_t nowMs() { return Poco::Timestamp().epochMicroseconds() / 1000; }

}  // namespace paynext::core
