#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::jdjingli {

// JD's route, Public (no user token), signed with the factory's secret:
//   POST /jdjingli/order/push   headers X-Jd-Timestamp (Unix seconds), X-Jd-Signature
//        (hex HMAC-SHA256(secret, timestamp + "\n" + body)); body
//        {"orderNo","amount","items":[{"name","quantity","price"}],"payResultUrl"}
//        -> {token, orderNo, amount, status, expiresAt}. The same orderNo again
//        answers the same token while it is pending; an expired one gets a fresh token.
std::vector<sdk::Route> pushRoutes();

}  // namespace paynext::plugins::jdjingli
