#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::knowledge {

// Admin routes, mounted under /admin/api/factories/{factory}/modules/knowledge (JSON, amounts in yuan):
//   GET  /items?limit=&offset=                       -> every item with its content, oldest first
//   GET  /items?id=                                   -> that item; 404 when unknown
//   POST /items      title, summary?, price, content, onSale? (true) -> the item (201)
//   PUT  /items      id and the same fields           -> the item replaced; 404 when unknown
//   GET  /purchases?userId=&status=&limit=&offset=    -> purchases, newest first
//   GET  /purchases?id=                               -> that purchase; 404 when unknown
std::vector<sdk::Route> adminRoutes();

}  // namespace paynext::plugins::knowledge
