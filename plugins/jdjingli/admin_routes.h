#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::jdjingli {

// Admin routes, mounted under /admin/api/factories/{factory}/modules/jdjingli (JSON, amounts in yuan):
//   GET /settings                       -> {secretSet, secret (masked), ttlMinutes, updatedAt}
//   PUT /settings  secret?, ttlMinutes? -> the same; what is left out stays as it was
//   GET /orders?status=&userId=&limit=&offset=  -> JD orders, newest first
//   GET /orders?id=                     -> that order; 404 when unknown
std::vector<sdk::Route> adminRoutes();

}  // namespace paynext::plugins::jdjingli
