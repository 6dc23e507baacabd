#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::imagetrade {

// Admin routes, mounted under /admin/api/factories/{factory}/modules/imagetrade (JSON, money in yuan):
//   GET /settings                  -> {minPrice, maxPrice, commissionPercent} (defaults 0.01, 10000, 0)
//   PUT /settings                  minPrice (> 0), maxPrice (>= minPrice), commissionPercent (0..100)
//   GET /images?userId=&status=&limit=&offset=     -> images (with originals), newest first
//   GET /image?id=                 -> one image; 404 when unknown
//   GET /purchases?userId=&imageId=&limit=&offset= -> purchase records, newest first
//   GET /purchase?id=              -> one purchase record; 404 when unknown
// A userId must name a user of the factory: else 700 "用户 N 不存在" (sdk::messages::userNotFound).
std::vector<sdk::Route> adminRoutes();

}  // namespace paynext::plugins::imagetrade
