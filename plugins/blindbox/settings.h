#pragma once
#include <cstdint>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

namespace paynext::plugins::blindbox {

// The highest price an admin may set (100000 yuan): price * maxPullTimes stays far from overflow.
constexpr sdk::Fen kPriceCeiling = 10000000;
constexpr std::int64_t kPullTimesCeiling = 10000;

// A factory's 盲盒设置. Defaults apply until an admin saves some.
struct Settings {
  sdk::Fen boxPrice = 100;           // publishing one box, 1 yuan
  sdk::Fen pullPrice = 100;          // one draw, 1 yuan
  std::int64_t maxPullTimes = 100;   // draws bought in one step at most
  std::int64_t expireMinutes = 30;   // an unpaid box expires after this

  // A pending box created at or before this (epoch ms) has expired at nowMs.
  std::int64_t expiredAtOrBefore(std::int64_t nowMs) const { return nowMs - expireMinutes * 60000; }
};

// Prices in yuan.
Poco::JSON::Object::Ptr toJson(const Settings& settings);
// Reads and checks the admin's JSON; throws sdk::ParamError naming the field.
Settings settingsFromJson(const Poco::JSON::Object& json);

}  // namespace paynext::plugins::blindbox
