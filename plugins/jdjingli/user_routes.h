#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::jdjingli {

// The mobile routes, for logged-in users (amounts in yuan). `token` is the
// user's login token there, so the JD order's token is `orderToken`:
//   /jdjingli/order      orderToken, couponId? -> the order with {discount, due}: what type 8 will
//                        debit, priced by the code validate uses (refused as validate refuses)
//   /jdjingli/my/orders  page?, pageSize? -> the JD orders the user paid, newest first (700 when none)
std::vector<sdk::Route> userRoutes();

}  // namespace paynext::plugins::jdjingli
