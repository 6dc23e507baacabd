#pragma once
// The WeChat Pay v2 refund result notification (退款结果通知), for the
// generic Notifier: return_code, appid, mch_id, nonce_str and req_info, the
// refund's fields encrypted under the merchant's API key as WeChat does.
#include "tools/gatewaysim/merchants.h"
#include "tools/gatewaysim/notifier.h"
#include "tools/gatewaysim/refund_store.h"

namespace paynext::tools::gatewaysim {

// The plaintext fields of req_info for a refund that has its result.
core::payments::wxpay::Fields refundInfo(const SimRefund& refund);

// The notification of a finished refund, to refund.notifyUrl; acknowledged
// by a reply with return_code SUCCESS; attempts are recorded on the refund.
Notification wxpayRefundNotification(const SimRefund& refund, const Merchant& merchant, RefundStore& store);

}  // namespace paynext::tools::gatewaysim
