#pragma once
// Identifiers and times shaped like the ones WeChat Pay issues.
#include <string>

namespace paynext::tools::gatewaysim {

// "wx" + yyyyMMddHHmmss + 20 hex characters (36 in all, like WeChat's).
std::string newPrepayId();
// 28 digits starting with 4200, like a WeChat Pay transaction_id.
std::string newTransactionId();
// 29 digits starting with 50, like an API v3 refund_id.
std::string newRefundId();
// yyyyMMddHHmmss in Beijing time (UTC+8), WeChat's time_end format.
std::string beijingTimeNow();

}  // namespace paynext::tools::gatewaysim
