#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

#include "discount_rule.h"

namespace paynext::plugins::shopbill {

// A shop (门店) whose bills users pay (优惠买单), with its discount rule.
struct Shop {
  std::int64_t id = 0;
  std::string name;
  bool enabled = true;  // off: no bills are taken
  DiscountRule rule;
  std::int64_t createdAt = 0;  // epoch ms
  std::int64_t updatedAt = 0;
};

// As users see it (amounts in yuan, dates in China time), with whether the
// rule applies at `nowMs`.
Poco::JSON::Object::Ptr toUserJson(const Shop& shop, std::int64_t nowMs);
// As admins see it: the same and the shop's state and stamps.
Poco::JSON::Object::Ptr toAdminJson(const Shop& shop, std::int64_t nowMs);

}  // namespace paynext::plugins::shopbill
