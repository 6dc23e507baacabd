#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

namespace paynext::plugins::addbell {

inline const std::string kPending = "PENDING";
inline const std::string kPaid = "PAID";
inline const std::string kExpired = "EXPIRED";  // its order finished unpaid

// An add-bell record (加钟记录): a user's ask to lengthen a running order by
// some units, priced when asked; nextAction type 19 pays it.
struct AddBell {
  std::int64_t id = 0;
  std::int64_t orderId = 0;
  std::int64_t userId = 0;
  std::int64_t units = 0;
  std::int64_t minutes = 0;  // units x the service's unit length when asked
  sdk::Fen amount = 0;       // units x the service's unit price when asked
  std::string status;
  std::int64_t createdAt = 0;
  std::int64_t paidAt = 0;
  std::string paidReference;  // the paying step's idempotency key
  std::int64_t expiredAt = 0;
};

// As the mobile API answers it (amount in yuan).
Poco::JSON::Object::Ptr toJson(const AddBell& record);
// As admins see it: with the user and the paying step.
Poco::JSON::Object::Ptr toAdminJson(const AddBell& record);

}  // namespace paynext::plugins::addbell
