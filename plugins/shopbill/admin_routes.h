#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::shopbill {

// Admin routes, mounted under /admin/api/factories/{factory}/modules/shopbill (JSON, amounts in yuan):
//   GET  /shops?limit=&offset=      -> every shop with its rule, oldest first; ?id= -> that shop (404 when unknown)
//   POST /shops   name, enabled?, percentOff?, tiers?, dateStart?, dateEnd? -> the shop (201)
//   PUT  /shops   id and the same fields -> the shop replaced; 404 when unknown
//   GET  /bills?shopId=&userId=&limit=&offset= -> bills, newest first; ?id= -> that bill (404 when unknown)
//   GET  /totals?shopId=&dateFrom=&dateTo=&per=day|shop&limit=&offset= -> count and sums per shop and
//        China day (newest day first), or per shop
std::vector<sdk::Route> adminRoutes();

}  // namespace paynext::plugins::shopbill
