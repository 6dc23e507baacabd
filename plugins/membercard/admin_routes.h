#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::membercard {

// Admin routes, mounted under /admin/api/factories/{factory}/modules/membercard (JSON, amounts in yuan):
//   GET  /cards?limit=&offset=                     -> every card, on sale or not, oldest first
//   GET  /cards?id=                                -> that card; 404 when unknown
//   POST /cards   name, price, days, benefits?, onSale? (true) -> the card (201)
//   PUT  /cards   id and the same fields           -> the card replaced; 404 when unknown
//   GET  /issued?cardId=&userId=&limit=&offset=    -> issued cards, newest first
//   GET  /issued?id=                               -> that issued card; 404 when unknown
std::vector<sdk::Route> adminRoutes();

}  // namespace paynext::plugins::membercard
