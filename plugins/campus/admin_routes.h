#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::campus {

// Admin routes, mounted under /admin/api/factories/{factory}/modules/campus (JSON, money in fen):
//   GET    /settings                 -> the project's settings (empty ones before the first PUT)
//   PUT    /settings                 projectName, projectDescription?, selectType 0|1, qrCode?, protocolUrl?,
//                                    wxAccount?, alipayAccount?, unionPayAccount?, successUrl?, cancelUrl?
//                                    (http(s) pages for alipay_wap) -> the settings
//   GET    /packages                 -> every package with its details
//   PUT    /packages                 id, type 0|1, itemName, itemPrice, price (fen), durationDays? (365),
//                                    description?, payTypes? ([0] buy, [1] upgrade), enabled?,
//                                    details? [{icon?, title, content?}] -> the package (created or replaced)
//   DELETE /packages?id=10000001     -> {"deleted": id}; 404 when unknown
//   GET    /holders?userId=N         -> the user's card holder; 404 when none
//   PUT    /holders                  userId, empName, photo?, cardNo?, imei?, sim?, gradeName?, className?, mobile?
//   GET    /records?userId=&limit=&offset=  -> activation records, newest first
// A userId must name a user of the factory: else 700 "用户 N 不存在" (sdk::messages::userNotFound), nothing stored.
std::vector<sdk::Route> adminRoutes();

}  // namespace paynext::plugins::campus
