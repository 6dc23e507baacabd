#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::membercard {

// The mobile routes, all for logged-in users (amounts in yuan, dates in China time):
//   /membercard/cards  page?, pageSize? -> cards on sale (id, name, price, days, benefits), oldest first
//   /membercard/my     page?, pageSize? -> the user's cards (number, name, benefits, validUntil, active, status),
//                      newest first
// An empty list answers 700 暂无数据.
std::vector<sdk::Route> userRoutes();

}  // namespace paynext::plugins::membercard
