#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

namespace paynext::plugins::jdjingli {

inline const std::string kPending = "PENDING";
inline const std::string kPaid = "PAID";
inline const std::string kExpired = "EXPIRED";

// An order JD pushed, kept under a random token until it is paid or expires.
struct JdOrder {
  std::int64_t id = 0;
  std::string orderNo;  // JD's order number
  std::string token;    // what JD was answered and the user pays with (type 8's `token`)
  sdk::Fen amount = 0;  // as JD pushed it
  std::string items;    // JSON array, as JD pushed it (normalised)
  std::string payResultUrl;
  std::string status;
  std::int64_t createdAt = 0;
  std::int64_t expiresAt = 0;
  // Set when paid:
  std::int64_t userId = 0;
  std::int64_t couponId = 0;
  sdk::Fen discount = 0;
  sdk::Fen paid = 0;  // what the wallet was debited: amount - discount
  std::int64_t paidAt = 0;
  std::string paidReference;  // the paying step's idempotency key

  // PENDING past its expiry reads as EXPIRED before the expiry job gets to it.
  std::string statusAt(std::int64_t nowMs) const {
    return status == kPending && nowMs >= expiresAt ? kExpired : status;
  }
};

// As the mobile API answers it (amounts in yuan, dates in China time).
Poco::JSON::Object::Ptr toJson(const JdOrder& order, std::int64_t nowMs);
// As admins see it: with the token, the URL, the payer and the paying step.
Poco::JSON::Object::Ptr toAdminJson(const JdOrder& order, std::int64_t nowMs);

}  // namespace paynext::plugins::jdjingli
