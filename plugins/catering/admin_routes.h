#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::catering {

// Admin routes, mounted under /admin/api/factories/{factory}/modules/catering (JSON, amounts in yuan):
//   GET  /dishes?limit=&offset=                   -> every dish, oldest first; ?id= that dish (404 when unknown)
//   POST /dishes   name, price, onSale? (true)    -> the dish (201)
//   PUT  /dishes   id and the same fields         -> the dish replaced; 404 when unknown
//   GET  /tables?limit=&offset=                   -> every table with its code; ?id= that table
//   POST /tables   name, code                     -> the table (201); 409 when the code is taken
//   PUT  /tables   id, name, code                 -> the table replaced
//   GET  /orders?userId=&status=&limit=&offset=   -> orders with their lines, newest first (the kitchen's view)
//   GET  /orders?id=                              -> that order; 404 when unknown
std::vector<sdk::Route> adminRoutes();

}  // namespace paynext::plugins::catering
