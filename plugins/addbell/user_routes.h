#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::addbell {

// The mobile routes, all for logged-in users (amounts in yuan, times China time):
//   POST /addbell/apply    orderId, units -> a pending add-bell record (its id is {type:19, orderAddBellId});
//                          refused unless the order is the user's and running, its service takes add-bells
//                          and units is 1..maxUnits
//        /addbell/quote    orderId, units? (1) -> what adding units costs and gives now, with the end time
//        /addbell/records  orderId?, status?, page?, pageSize? -> the user's add-bell records, newest first
//        /addbell/orders   page?, pageSize? -> the user's service orders with their current end time
std::vector<sdk::Route> userRoutes();

}  // namespace paynext::plugins::addbell
