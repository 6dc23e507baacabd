#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::knowledge {

// The mobile routes, all for logged-in users (amounts in yuan):
//   POST /knowledge/order      itemId -> a pending purchase (the id of {type:1, id}); the user's pending one
//                              again when there is one; refused when the item is off sale or already bought
//        /knowledge/items      page?, pageSize? -> items on sale with `bought`, oldest first (700 暂无数据 when none)
//        /knowledge/item       id -> the item; `content` only for a user who paid for it
//        /knowledge/purchases  status? (PENDING|PAID), page?, pageSize? -> the user's purchases, newest first
std::vector<sdk::Route> userRoutes();

}  // namespace paynext::plugins::knowledge
