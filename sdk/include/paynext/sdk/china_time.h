#pragma once
// Dates as the documents' users read and write them: China Standard Time
// (UTC+8, no daylight saving), whatever the server's own time zone.
#include <cstdint>
#include <optional>
#include <string>

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Timestamp.h>

namespace paynext::sdk {

constexpr std::int64_t kChinaOffsetMs = 8LL * 3600 * 1000;

// Epoch ms as "yyyy-MM-dd HH:mm:ss" in China time; "" for 0 (no date).
inline std::string formatChinaTime(std::int64_t epochMs) {
  if (epochMs == 0) return "";
  return Poco::DateTimeFormatter::format(Poco::Timestamp((epochMs + kChinaOffsetMs) * 1000), "%Y-%m-%d %H:%M:%S");
}

// "yyyy-MM-dd" or "yyyy-MM-dd HH:mm:ss" in China time to epoch ms; a bare
// date is the start of that day or, with endOfDay, its last millisecond.
// Anything else (trailing text, a 13th month) is nullopt.
inline std::optional<std::int64_t> parseChinaTime(const std::string& text, bool endOfDay = false) {
  const char* format = text.size() == 10 ? "%Y-%m-%d" : text.size() == 19 ? "%Y-%m-%d %H:%M:%S" : nullptr;
  if (!format) return std::nullopt;
  Poco::DateTime parsed;
  int tzd = 0;
  // The parser is lenient, so the text must also format back to itself.
  if (!Poco::DateTimeParser::tryParse(format, text, parsed, tzd)) return std::nullopt;
  if (Poco::DateTimeFormatter::format(parsed, format) != text) return std::nullopt;
  std::int64_t ms = parsed.timestamp().epochMicroseconds() / 1000 - kChinaOffsetMs;
  if (text.size() == 10 && endOfDay) ms += 24LL * 3600 * 1000 - 1;
  return ms;
}

}  // namespace paynext::sdk
