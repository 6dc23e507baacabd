#pragma once
#include <cstdint>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

namespace paynext::plugins::errands {

// The factory's 跑腿设置, set by its admins; these defaults until they do.
struct Settings {
  sdk::Fen minFee = 100;                  // the least fee a task may offer
  std::int64_t commissionPercent = 10;    // the platform's share of a fee
  std::int64_t autoConfirmHours = 24;     // after delivery, without the poster's confirmation
  std::int64_t unpaidExpiryMinutes = 30;  // an unpaid task expires this long after creation

  std::int64_t autoConfirmMs() const { return autoConfirmHours * 3600 * 1000; }
  std::int64_t unpaidExpiryMs() const { return unpaidExpiryMinutes * 60 * 1000; }
  // The platform's commission on a fee, rounded down so the runner keeps the fraction.
  sdk::Fen commissionOn(sdk::Fen fee) const { return fee * commissionPercent / 100; }
};

// As admins see it: money in yuan.
Poco::JSON::Object::Ptr toJson(const Settings& settings);

}  // namespace paynext::plugins::errands
