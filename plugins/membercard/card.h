#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

namespace paynext::plugins::membercard {

constexpr std::int64_t kDayMs = 86400000;

// A member card (会员卡) admins keep: what {type:10, id} names.
struct Card {
  std::int64_t id = 0;
  std::string name;
  sdk::Fen price = 0;
  std::int64_t days = 0;  // validity bought by one payment
  std::string benefits;
  bool onSale = true;
  std::int64_t createdAt = 0;  // epoch ms
  std::int64_t updatedAt = 0;
};

// As users see it: price in yuan.
Poco::JSON::Object::Ptr toUserJson(const Card& card);
// As admins see it: with on sale and the times.
Poco::JSON::Object::Ptr toAdminJson(const Card& card);

}  // namespace paynext::plugins::membercard
