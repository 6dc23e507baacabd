#include "china_time.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Timestamp.h>

namespace paynext::plugins::coupons {

namespace {

constexpr std::int64_t kOffsetMs = 8LL * 3600 * 1000;
constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;

// DateTimeParser accepts trailing junk and out-of-range fields loosely, so
// the text must also format back to itself.
std::optional<std::int64_t> parseExact(const std::string& text, const std::string& format) {
  Poco::DateTime dt;
  int tzd = 0;
  if (!Poco::DateTimeParser::tryParse(format, text, dt, tzd)) return std::nullopt;
  if (Poco::DateTimeFormatter::format(dt, format) != text) return std::nullopt;
  return dt.timestamp().epochMicroseconds() / 1000 - kOffsetMs;
}

}  // namespace

std::optional<std::int64_t> parseChinaTime(const std::string& text, bool endOfDay) {
  if (text.size() == 10) {
    auto day = parseExact(text, "%Y-%m-%d");
    if (day && endOfDay) *day += kDayMs - 1;
    return day;
  }
  if (text.size() == 19) return parseExact(text, "%Y-%m-%d %H:%M:%S");
  return std::nullopt;
}

std::string formatChinaTime(std::int64_t epochMs) {
  if (epochMs == 0) return "";
  return Poco::DateTimeFormatter::format(Poco::Timestamp((epochMs + kOffsetMs) * 1000), "%Y-%m-%d %H:%M:%S");
}

}  // namespace paynext::plugins::coupons
