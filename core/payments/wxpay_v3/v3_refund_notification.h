#pragma once
// API v3 refund-result notifications ("退款结果通知"): REFUND.SUCCESS,
// REFUND.ABNORMAL or REFUND.CLOSED, their resource the refund encrypted with
// the APIv3 key. Answered like pay results (v3Reply).
#include <cstdint>
#include <string>

#include "core/payments/wxpay_v3/v3_refund.h"
#include "core/payments/wxpay_v3/v3_response_verifier.h"

namespace paynext::core::payments::wxpay_v3 {

struct V3RefundNotification {
  std::string id;
  std::string createTime;  // create_time, RFC 3339
  std::string eventType;   // REFUND.SUCCESS, REFUND.ABNORMAL, REFUND.CLOSED
  std::string summary;
  V3Refund refund;  // decrypted and parsed resource; mchid set
};

// Verifies, decrypts and parses (openNotification, parseRefundResource).
// Only REFUND.* events are refunds, and the event must agree with the
// resource's refund_status (REFUND.SUCCESS with SUCCESS...). The caller
// still matches mchid, out_trade_no, out_refund_no and amount with its
// refund. Throws WxpayV3Error.
V3RefundNotification parseRefundNotification(const V3SignedMessage& message, const V3ResponseVerifier& verifier,
                                             const std::string& apiV3Key, std::int64_t nowEpochSeconds);
V3RefundNotification parseRefundNotification(const V3SignedMessage& message, const V3ResponseVerifier& verifier,
                                             const std::string& apiV3Key);  // against the system clock

}  // namespace paynext::core::payments::wxpay_v3
