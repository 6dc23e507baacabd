#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::errands {

// The mobile API (User routes, `token`): post a task, list and read tasks,
// take one, mark it delivered, confirm delivery.
std::vector<sdk::Route> userRoutes();

}  // namespace paynext::plugins::errands
