#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::blindbox {

// The mobile API (API工厂 envelope, `token`):
//   POST /blindbox/box/create  gender, intro, contact -> a pending box to pay with type 22
//   *    /blindbox/boxes       the caller's boxes (page, pageSize, status)
//   POST /blindbox/draw        spends one draw on a random box and answers its contact
//   *    /blindbox/draws       the boxes the caller drew (page, pageSize)
//   *    /blindbox/info        prices, the per-step limit and the caller's draws left
std::vector<sdk::Route> userRoutes();

}  // namespace paynext::plugins::blindbox
