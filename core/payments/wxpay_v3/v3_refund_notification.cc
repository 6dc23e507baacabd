#include "core/payments/wxpay_v3/v3_refund_notification.h"

#include "core/payments/wxpay_v3/v3_error.h"
#include "core/payments/wxpay_v3/v3_notification.h"
#include "core/payments/wxpay_v3/v3_request_signer.h"

namespace paynext::core::payments::wxpay_v3 {

namespace {
const std::string kRefundPrefix = "REFUND.";
}  // namespace

V3RefundNotification parseRefundNotification(const V3SignedMessage& message, const V3ResponseVerifier& verifier,
                                             const std::string& apiV3Key) {
  return parseRefundNotification(message, verifier, apiV3Key, nowEpochSeconds());
}

V3RefundNotification parseRefundNotification(const V3SignedMessage& message, const V3ResponseVerifier& verifier,
                                             const std::string& apiV3Key, std::int64_t nowEpochSeconds) {
  const V3OpenedNotification opened =
      openNotification(message, verifier, apiV3Key, nowEpochSeconds, kRefundPrefix, "refund");
  V3RefundNotification n;
  n.id = opened.id;
  n.createTime = opened.createTime;
  n.eventType = opened.eventType;
  n.summary = opened.summary;
  n.refund = parseRefundResource(opened.resource);
  if (n.eventType != kRefundPrefix + n.refund.status) {
    throw WxpayV3Error("notification event_type '" + n.eventType + "' does not match refund_status '" +
                       n.refund.status + "'");
  }
  return n;
}

}  // namespace paynext::core::payments::wxpay_v3
