#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "paynext/sdk/money.h"

namespace paynext::core::payments {

// The system parameter giving how many points a user earns per whole yuan
// paid through a channel (WeChat Pay, Alipay); unset means none.
inline const std::string kPointsPerYuanKey = "points.perYuan";

// Bounded so that the largest payment (sdk::kMaxFen) cannot overflow the grant.
constexpr std::int64_t kMaxPointsPerYuan = 1000;

// The rule's value, or nullopt when it is not a whole number from 0 to
// kMaxPointsPerYuan written in digits.
std::optional<std::int64_t> parsePointsPerYuan(const std::string& value);

// Points earned for `paid` fen: whole yuan only, so 12.99 yuan at 2 per yuan
// earns 24.
std::int64_t pointsEarned(sdk::Fen paid, std::int64_t perYuan);

// Refuses (sdk::ParamError on "value") a value the payments could not use for
// a system parameter they read; other keys and good values pass.
void checkPaymentSystemParam(const std::string& key, const std::string& value);

}  // namespace paynext::core::payments
