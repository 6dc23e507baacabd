#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

namespace paynext::plugins::imagetrade {

inline const std::string kOnSale = "ON_SALE";
inline const std::string kSold = "SOLD";

// An image a user sells. The original sells once: the first paid purchase
// marks it SOLD and names its buyer.
struct Image {
  std::int64_t id = 0;
  std::int64_t sellerId = 0;
  std::string title;
  std::string previewUrl;
  std::string originalUrl;
  sdk::Fen price = 0;
  std::string status;  // kOnSale or kSold
  std::int64_t buyerId = 0;  // 0 until sold
  std::int64_t createdAt = 0;  // epoch ms
  std::int64_t soldAt = 0;
};

// As everyone may see it: no original address; price in yuan.
Poco::JSON::Object::Ptr publicJson(const Image& image);
// As its seller and admins see it: with the original address, status and buyer.
Poco::JSON::Object::Ptr fullJson(const Image& image);

}  // namespace paynext::plugins::imagetrade
