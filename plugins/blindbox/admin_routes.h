#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::blindbox {

// Admin resources (模块设置 → 交友盲盒):
//   GET, PUT /settings  prices (yuan), maxPullTimes, expireMinutes
//   GET      /boxes     boxes (offset, limit, status, userId; id for one)
//   GET      /draws     draws (offset, limit, userId)
std::vector<sdk::Route> adminRoutes();

}  // namespace paynext::plugins::blindbox
