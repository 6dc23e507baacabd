#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::membership {

// The mobile routes (API工厂 envelope, money in yuan):
//   /membership/levels            (no login) levels with their enabled price items
//   /membership/my                the caller's level: levelId, levelName, userLevelPriceId, expiresAt (ms),
//                                 dateEnd (China time), active, isAutoRenew; 700 您还不是会员
//   POST /membership/autoRenew/off  turns the caller's auto-renewal off -> as /membership/my
//   /membership/renewals          page?, pageSize? -> the caller's auto-renewal log, newest first (700 暂无数据)
std::vector<sdk::Route> memberRoutes();

}  // namespace paynext::plugins::membership
