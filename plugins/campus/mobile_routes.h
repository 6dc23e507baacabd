#pragma once
// The campus-card API of 001 for logged-in users, mounted at /{factory}/api/Pay/...
// and answering in its dialect (dialect.h):
//   SearchPayPackages  userID, type 0|1, payType 0|1       -> the project, the payer's card and the packages
//   PayMoney           channel wx|alipay|alipay_wap, subject, body, amount (fen), userID, empName,
//                      itemIDs "a,b", type 0 buy|1 upgrade|2 renew -> recordIDs and a Ping++ charge
//   SearchSuccessData  ids "r1,r2" or orderNumber (the out trade id) -> the activated packages
#include "paynext/sdk/route.h"

namespace paynext::plugins::campus {

sdk::Route searchPayPackagesRoute();
sdk::Route payMoneyRoute();
sdk::Route searchSuccessDataRoute();

}  // namespace paynext::plugins::campus
