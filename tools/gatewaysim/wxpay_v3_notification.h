#pragma once
// The WeChat Pay API v3 pay-result notification, for the generic Notifier:
// a JSON envelope whose resource is the transaction encrypted with
// AEAD_AES_256_GCM under the APIv3 key, with Wechatpay-* headers signed by
// the platform key at each attempt. Any 2xx reply acknowledges it.
#include <cstdint>

#include "tools/gatewaysim/notifier.h"
#include "tools/gatewaysim/order_store.h"
#include "tools/gatewaysim/wxpay_notification.h"
#include "tools/gatewaysim/wxpay_v3_merchants.h"
#include "tools/gatewaysim/wxpay_v3_refund_store.h"

namespace paynext::tools::gatewaysim {

// options: totalFeeOverride sets amount.total, badSign corrupts the
// signature, timestampOffsetSeconds shifts Wechatpay-Timestamp (a replay).
Notification wxpayV3Notification(const SimOrder& order, const V3Merchant& merchant, const NotifyOptions& options,
                                 OrderStore& store);

// The refund-result notification (退款结果通知) of a refund that left
// PROCESSING: event_type REFUND.<status>, the refund as resource, encrypted
// and signed exactly like a pay-result notification.
Notification wxpayV3RefundNotification(const V3SimRefund& refund, const V3Merchant& merchant, V3RefundStore& store);

}  // namespace paynext::tools::gatewaysim
