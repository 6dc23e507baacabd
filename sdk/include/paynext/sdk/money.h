#pragma once
// Money is an integer number of fen everywhere inside paynext. These helpers
// convert client decimals exactly, never through floating point arithmetic.
#include <charconv>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace paynext::sdk {

using Fen = std::int64_t;

// The largest amount paynext takes anywhere (15 digits of yuan), far from overflow.
constexpr Fen kMaxFen = 100000000000000000LL;

// Parses a yuan amount such as "12", "0.01" or "3.5" into fen. Returns nullopt
// for anything else: signs, more than two decimals, empty, junk, overflow.
inline std::optional<Fen> parseYuan(std::string_view text) {
  const auto dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view frac = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (whole.empty() || whole.size() > 15 || (dot != std::string_view::npos && (frac.empty() || frac.size() > 2))) {
    return std::nullopt;
  }
  for (char c : whole) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  for (char c : frac) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  Fen yuan = 0;
  std::from_chars(whole.data(), whole.data() + whole.size(), yuan);
  Fen cents = 0;
  if (!frac.empty()) {
    std::from_chars(frac.data(), frac.data() + frac.size(), cents);
    if (frac.size() == 1) cents *= 10;
  }
  return yuan * 100 + cents;
}

// Parses a JSON number given in yuan (e.g. 0.01). The shortest round-trip text
// of the double is the literal the client wrote, so it is parsed exactly.
inline std::optional<Fen> parseYuan(double value) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, value);
  if (res.ec != std::errc{}) return std::nullopt;
  return parseYuan(std::string_view(buf, static_cast<std::size_t>(res.ptr - buf)));
}

// Formats fen as yuan with two decimals: 1 -> "0.01", -250 -> "-2.50".
inline std::string formatYuan(Fen fen) {
  const bool negative = fen < 0;
  const std::uint64_t abs = negative ? 0 - static_cast<std::uint64_t>(fen) : static_cast<std::uint64_t>(fen);
  std::string cents = std::to_string(abs % 100);
  if (cents.size() < 2) cents.insert(0, "0");
  return (negative ? "-" : "") + std::to_string(abs / 100) + "." + cents;
}

// Fen as a JSON number of yuan, as the API工厂 client expects (1 fen -> 0.01).
inline double yuanNumber(Fen fen) { return static_cast<double>(fen) / 100.0; }

}  // namespace paynext::sdk
