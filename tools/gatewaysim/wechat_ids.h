#pragma once
// Identifiers and times shaped like the ones WeChat Pay issues.
#include <string>

namespace paynext::tools::gatewaysim {

// "wx" + yyyyMMddHHmmss + 20 hex characters (36 in all, like WeChat's).
std::string newPrepayId();
// 28 digits starting with 4200, like a WeChat Pay transaction_id.
std::string newTransactionId();
// 29 digits starting with 5000, like a WeChat Pay refund_id (v2 and API v3).
std::string newRefundId();
// yyyy-MM-dd HH:mm:ss in Beijing time, the refund notification's success_time.
std::string beijingRefundTimeNow();
// yyyyMMddHHmmss in Beijing time (UTC+8), WeChat's time_end format.
std::string beijingTimeNow();

}  // namespace paynext::tools::gatewaysim
