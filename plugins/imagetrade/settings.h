#pragma once
#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

namespace paynext::plugins::imagetrade {

// The highest maxPrice an admin may set (100000000 yuan): price * 100 stays far from overflow.
constexpr sdk::Fen kPriceCeiling = 10000000000LL;

// A factory's 图片交易设置: the bounds of a seller's price and the platform's
// commission. Defaults apply until an admin saves some.
struct Settings {
  sdk::Fen minPrice = 1;          // 0.01 yuan
  sdk::Fen maxPrice = 1000000;    // 10000 yuan
  int commissionPercent = 0;      // 0..100

  bool allows(sdk::Fen price) const { return price >= minPrice && price <= maxPrice; }
  // Rounded down, so the odd fen goes to the seller rather than the platform.
  sdk::Fen commissionOf(sdk::Fen price) const { return price * commissionPercent / 100; }
  // "价格应在 0.01 到 10000.00 元之间"
  std::string boundsText() const;
};

// minPrice and maxPrice in yuan, commissionPercent an integer.
Poco::JSON::Object::Ptr toJson(const Settings& settings);
// Reads and checks the admin's JSON; throws sdk::ParamError naming the field.
Settings settingsFromJson(const Poco::JSON::Object& json);

}  // namespace paynext::plugins::imagetrade
