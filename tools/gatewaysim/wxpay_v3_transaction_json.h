#pragma once
// An order as API v3 describes it (the query answer and the plaintext of a
// notification's resource).
#include <cstdint>
#include <optional>
#include <string>

#include "tools/gatewaysim/order_store.h"

namespace paynext::tools::gatewaysim {

// {"appid","mchid","out_trade_no","transaction_id","trade_type","trade_state",
//  "trade_state_desc","bank_type","success_time","payer":{"openid"},
//  "amount":{"total","payer_total","currency","payer_currency"}}; the paid-only
// fields are left out while the order is NOTPAY. totalOverride replaces
// amount.total (a wrong amount on purpose).
std::string v3TransactionJson(const SimOrder& order, std::optional<std::int64_t> totalOverride = std::nullopt);

// yyyyMMddHHmmss (Beijing time) as RFC 3339 with +08:00.
std::string rfc3339Beijing(const std::string& compact);

}  // namespace paynext::tools::gatewaysim
