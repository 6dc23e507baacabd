#pragma once
#include <cstdint>
#include <functional>

#include <Poco/Timestamp.h>

namespace paynext::plugins::campus {

// Milliseconds since the epoch. Handlers and routes take one so tests can fix
// "now" when they check activation dates.
using Clock = std::function<std::int64_t()>;

inline std::int64_t systemNowMs() { return Poco::Timestamp().epochMicroseconds() / 1000; }

}  // namespace paynext::plugins::campus
