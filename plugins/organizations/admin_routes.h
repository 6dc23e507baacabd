#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::organizations {

// Admin routes, mounted under /admin/api/factories/{factory}/modules/organizations
// (JSON, prices in yuan; lists take offset? and limit?):
//   GET  /prices         id?                                  组织收费项: every item, or one
//   POST /prices         name, memberCap, days, price, onSale? -> the new item (201)
//   PUT  /prices         id, name, memberCap, days, price, onSale? -> the item; 404 when unknown
//   GET  /organizations  id?, ownerId?                        组织: newest first, with members
//   GET  /upgrades       organizeId?                          升级记录: paid upgrades, newest first
std::vector<sdk::Route> adminRoutes();

}  // namespace paynext::plugins::organizations
