#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::membership {

// Admin routes, mounted under /admin/api/factories/{factory}/modules/membership
// (JSON, prices in yuan):
//   GET  /levels                                   会员等级: every level
//   POST /levels   name, description?              -> the new level (201)
//   PUT  /levels   id, name, description?          -> the level; 404 when unknown
//   GET  /prices   levelId?                        等级价格: price items
//   POST /prices   levelId, days, price, autoRenew?, enabled?  -> the new item (201)
//   PUT  /prices   id, levelId, days, price, autoRenew?, enabled? -> the item; 404 when unknown
//   GET  /members  userId?, page?, pageSize?       会员: members' levels and expiries
//   GET  /purchases userId?, page?, pageSize?      购买记录: paid steps, newest first
//   GET  /renewals userId?, page?, pageSize?       续费记录: the auto-renewal log, newest first
std::vector<sdk::Route> adminRoutes();

}  // namespace paynext::plugins::membership
