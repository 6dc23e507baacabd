#pragma once
// Identifiers shaped like the ones Alipay issues.
#include <string>

namespace paynext::tools::gatewaysim {

// yyyyMMdd (Beijing) + "22001" + 15 digits: 28 digits, like an Alipay trade_no.
std::string newAlipayTradeNo();
// "2088" + 12 digits, like an Alipay buyer (user) id.
std::string newAlipayBuyerId();
// 34 hex characters, like an async notification's notify_id.
std::string newAlipayNotifyId();

}  // namespace paynext::tools::gatewaysim
