#pragma once
#include <string>

namespace paynext::plugins::membercard {

constexpr std::size_t kCardNumberDigits = 12;

// 12 random digits, the first not 0: nothing about it follows from the row
// id or the order of issue. Uniqueness is the caller's to check.
std::string randomCardNumber();

}  // namespace paynext::plugins::membercard
