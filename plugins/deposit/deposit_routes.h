#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::deposit {

// The mobile routes of deposits, all for logged-in users:
//   POST /deposit/pay   amount (yuan, > 0), refCode?, remark?, extJsonStr? -> freezes from the wallet balance
//        /deposit/list  page?, pageSize?  -> the user's deposits, newest first (700 暂无数据 when none)
//        /deposit/info  id                -> one deposit, or 700 押金记录不存在
std::vector<sdk::Route> depositRoutes();

}  // namespace paynext::plugins::deposit
