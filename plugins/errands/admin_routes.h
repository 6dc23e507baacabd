#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::errands {

// Admin routes under 模块设置: the settings and the tasks, by status.
std::vector<sdk::Route> adminRoutes();

}  // namespace paynext::plugins::errands
