#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

namespace paynext::plugins::knowledge {

inline const std::string kPending = "PENDING";
inline const std::string kPaid = "PAID";

// A user's purchase of one item (知识付费订单): PENDING until a type 1 step
// pays it, then PAID with what was debited.
struct Purchase {
  std::int64_t id = 0;
  std::int64_t userId = 0;
  std::int64_t itemId = 0;
  std::string title;  // the item's title when the purchase was opened
  std::string status;
  sdk::Fen amount = 0;  // debited when paid; 0 while pending
  std::int64_t createdAt = 0;
  std::int64_t paidAt = 0;
  std::string paidReference;  // the paying step's idempotency key
};

// As the mobile API answers it; `price` is what it costs now (pending) or cost (paid), in yuan.
Poco::JSON::Object::Ptr toJson(const Purchase& purchase, sdk::Fen price);
// As admins see it: with the user and the paying step.
Poco::JSON::Object::Ptr toAdminJson(const Purchase& purchase);

}  // namespace paynext::plugins::knowledge
