#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::coupons {

// The mobile routes (API工厂 envelope, money in yuan):
//   /coupons/my     User: status? (usable | used | expired), page?, pageSize?
//                   -> the caller's coupons, newest first (700 暂无数据 when none)
//   /coupons/rules  Public: the rules that can be claimed now (enabled, not
//                   ended, coupons left), with needPwd but never the password
//                   (700 暂无数据 when none)
std::vector<sdk::Route> userRoutes();

}  // namespace paynext::plugins::coupons
