#pragma once
// Alipay's asynchronous trade_status_sync notification, for the generic
// Notifier: a signed form POSTed to notify_url until the answer is "success".
#include <optional>
#include <string>
#include <vector>

#include "tools/gatewaysim/alipay_apps.h"
#include "tools/gatewaysim/alipay_order_store.h"
#include "tools/gatewaysim/notifier.h"

namespace paynext::tools::gatewaysim {

// Ways to make a notification wrong on purpose, for the server's tests.
struct AlipayNotifyOptions {
  std::optional<std::string> totalAmountOverride;  // signed correctly, wrong amount
  bool badSign = false;                            // signature corrupted
};

// Alipay's documented schedule: at once, then 4m/10m/10m/1h/2h/6h/15h.
std::vector<double> alipayNotifySchedule();

// The notification of a paid trade, signed with "Alipay's" private key by
// the Notify rule (all but sign and sign_type); attempts are recorded on
// the trade in store.
Notification alipayNotification(const AlipayTrade& trade, const AlipayApp& app, const AlipayNotifyOptions& options,
                                AlipayOrderStore& store);

}  // namespace paynext::tools::gatewaysim
