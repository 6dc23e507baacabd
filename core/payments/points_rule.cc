#include "core/payments/points_rule.h"

#include "paynext/sdk/errors.h"

namespace paynext::core::payments {

std::optional<std::int64_t> parsePointsPerYuan(const std::string& value) {
  // Digits only: "+2", " 2" or "2.0" read as typos, not as 2.
  if (value.empty() || value.size() > 7) return std::nullopt;
  std::int64_t n = 0;
  for (char c : value) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  if (n > kMaxPointsPerYuan) return std::nullopt;
  return n;
}

std::int64_t pointsEarned(sdk::Fen paid, std::int64_t perYuan) {
  if (paid <= 0 || perYuan <= 0) return 0;
  return paid / 100 * perYuan;
}

void checkPaymentSystemParam(const std::string& key, const std::string& value) {
  if (key == kPointsPerYuanKey && !parsePointsPerYuan(value)) {
    throw sdk::ParamError("value", "系统参数 " + kPointsPerYuanKey + " 应为 0 到 " +
                                       std::to_string(kMaxPointsPerYuan) + " 的整数(每支付一元赠送的积分),现为 " +
                                       value);
  }
}

}  // namespace paynext::core::payments
