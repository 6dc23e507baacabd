#pragma once
// The WeChat Pay v2 pay-result notification, for the generic Notifier.
#include <cstdint>
#include <optional>
#include <vector>

#include "tools/gatewaysim/merchants.h"
#include "tools/gatewaysim/notifier.h"
#include "tools/gatewaysim/order_store.h"

namespace paynext::tools::gatewaysim {

// Ways to make a notification wrong on purpose, for the server's tests.
struct NotifyOptions {
  std::optional<std::int64_t> totalFeeOverride;  // signed correctly, wrong amount
  bool badSign = false;                          // signature corrupted
  std::int64_t timestampOffsetSeconds = 0;       // API v3: Wechatpay-Timestamp this far off now (a replay)
};

// WeChat's documented resend schedule: first at once, then 15s/15s/30s/3m/
// 10m/20m/30m/30m/30m/60m/3h/3h/3h/6h/6h.
std::vector<double> defaultNotifySchedule();

// Reads the merchant's reply to a v2 notification (pay or refund):
// acknowledged when its return_code is SUCCESS. Never throws.
NotifyVerdict judgeWxpayReply(const std::string& reply);

// The signed XML notification of a paid order; acknowledged by a reply with
// return_code SUCCESS; attempts are recorded on the order in store.
Notification wxpayNotification(const SimOrder& order, const Merchant& merchant, const NotifyOptions& options,
                               OrderStore& store);

}  // namespace paynext::tools::gatewaysim
