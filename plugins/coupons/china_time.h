#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace paynext::plugins::coupons {

// Coupon dates are written and shown in China Standard Time (UTC+8, no DST),
// the time of the documents' users, whatever the server's time zone.

// "yyyy-MM-dd" or "yyyy-MM-dd HH:mm:ss" to epoch ms; a bare date is the
// start of that day, or, with endOfDay, the last millisecond of it.
std::optional<std::int64_t> parseChinaTime(const std::string& text, bool endOfDay);
// Epoch ms as "yyyy-MM-dd HH:mm:ss"; "" for 0 (no date).
std::string formatChinaTime(std::int64_t epochMs);

}  // namespace paynext::plugins::coupons
