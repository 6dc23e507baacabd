#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::episodes {

// Admin routes, mounted under /admin/api/factories/{factory}/modules/episodes (JSON, amounts in yuan):
//   GET  /goods?limit=&offset=        -> every goods with its play addresses, oldest first
//   GET  /goods?id=                   -> that goods; 404 when unknown
//   POST /goods   name, price, urls, freeCount? (0), onSale? (true) -> the goods (201)
//   PUT  /goods   id and the same fields -> the goods replaced; 404 when unknown (unlocks stay)
//   GET  /unlocks?userId=&goodsId=&limit=&offset=  -> who unlocked what, newest first
//   GET  /unlocks?id=                 -> that unlock; 404 when unknown
std::vector<sdk::Route> adminRoutes();

}  // namespace paynext::plugins::episodes
