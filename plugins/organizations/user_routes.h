#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::organizations {

// User routes (API工厂 envelope, `token`, money in yuan):
//   /organizations/prices  page?, pageSize?  收费项 on sale, smallest first (700 when none)
//   /organizations/my      page?, pageSize?  organizations the caller owns or belongs to, with members
//   /organizations/info    organizeId        one of those, with members
//   POST /organizations/join   organizeId    joins it, within its member cap
//   POST /organizations/leave  organizeId    leaves it (not its owner)
std::vector<sdk::Route> userRoutes();

}  // namespace paynext::plugins::organizations
