#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::qualifications {

// Admin routes, mounted under /admin/api/factories/{factory}/modules/qualifications
// (JSON, prices in yuan; types 12 社区团购团长, 13 分销商, 14 合伙人团队长):
//   GET /offers                                      资格价格: each qualification, priced or not
//   PUT /offers    type, price, days | permanent:true, onSale?  -> the offer
//   GET /holders   type?, userId?, active?, offset?, limit?     资格持有人: holdings, newest first
//                                                    (one user's by type with userId)
//   GET /purchases type?, userId?, offset?, limit?   资格购买记录: paid steps, newest first
std::vector<sdk::Route> adminRoutes();

}  // namespace paynext::plugins::qualifications
