#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

namespace paynext::plugins::imagetrade {

inline const std::string kUnpaid = "UNPAID";
inline const std::string kPaid = "PAID";

// A buyer's purchase record of an image: the `id` of nextAction type 11.
// The price is the image's when the record was made; commission is set
// when it is paid.
struct Purchase {
  std::int64_t id = 0;
  std::int64_t imageId = 0;
  std::int64_t buyerId = 0;
  std::int64_t sellerId = 0;
  sdk::Fen price = 0;
  sdk::Fen commission = 0;
  std::string status;     // kUnpaid or kPaid
  std::string reference;  // the paying step's idempotency key, empty until paid
  std::int64_t createdAt = 0;
  std::int64_t paidAt = 0;
};

// Money in yuan, as the mobile API answers it; the image's title when given.
Poco::JSON::Object::Ptr toJson(const Purchase& purchase, const std::string& imageTitle = "");

}  // namespace paynext::plugins::imagetrade
