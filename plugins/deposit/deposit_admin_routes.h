#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::deposit {

// Admin routes, mounted under /admin/api/factories/{factory}/modules/deposit
// (JSON, money in yuan; shown under 模块设置):
//   GET  /deposits  userId?, status?, offset?, limit?  押金记录: the factory's deposits, newest first
//   GET  /deposits  id                                 -> one deposit; 404 押金记录 N 不存在
//   POST /deposits/release  id                         退还押金: all of it back to the balance (201)
//   POST /deposits/forfeit  id, amount, reason         扣除押金: amount leaves the wallet, the rest
//                                                      goes back to the balance (201)
// A deposit that is not HELD is refused with 409 and nothing changes.
std::vector<sdk::Route> depositAdminRoutes();

}  // namespace paynext::plugins::deposit
