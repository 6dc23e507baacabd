#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::qualifications {

// The mobile routes (API工厂 envelope, money in yuan):
//   /qualifications/offers     (no login) qualifications on sale: type, kind, name, price, days, permanent
//   /qualifications/my         type? -> the caller's qualifications: type, kind, name, permanent, expiresAt (ms),
//                              dateEnd (China time, 永久), active, grantedAt; 700 when none
//   /qualifications/purchases  type?, page?, pageSize? -> the caller's purchases, newest first; 700 when none
std::vector<sdk::Route> userRoutes();

}  // namespace paynext::plugins::qualifications
