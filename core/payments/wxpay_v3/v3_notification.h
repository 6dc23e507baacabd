#pragma once
// API v3 notifications: a signed JSON envelope whose `resource` is encrypted
// with the APIv3 key. Pay results ("支付通知", TRANSACTION.*) are read here;
// every event type is opened by openNotification (refunds: v3_refund_notification).
#include <cstdint>
#include <string>

#include "core/payments/wxpay_v3/v3_response_verifier.h"
#include "core/payments/wxpay_v3/v3_transaction.h"

namespace paynext::core::payments::wxpay_v3 {

// A notification whose signature verified, with its envelope read and its
// resource decrypted: what every event type shares.
struct V3OpenedNotification {
  std::string id;
  std::string createTime;    // create_time, RFC 3339
  std::string eventType;     // event_type
  std::string resourceType;  // resource_type: encrypt-resource
  std::string summary;
  std::string resource;  // the decrypted resource's JSON text, not yet read
};

// Verifies headers and body with verifier (nothing of the body is read
// before), checks that event_type starts with eventPrefix ("TRANSACTION.",
// "REFUND."; refused as "not a <eventKind> event"), then decrypts the
// AEAD_AES_256_GCM resource. Throws WxpayV3Error.
V3OpenedNotification openNotification(const V3SignedMessage& message, const V3ResponseVerifier& verifier,
                                      const std::string& apiV3Key, std::int64_t nowEpochSeconds,
                                      const std::string& eventPrefix, const std::string& eventKind);

struct V3Notification {
  std::string id;
  std::string createTime;    // create_time, RFC 3339
  std::string eventType;     // event_type: TRANSACTION.SUCCESS
  std::string resourceType;  // resource_type: encrypt-resource
  std::string summary;
  V3Transaction transaction;  // decrypted and parsed resource
};

// Verifies headers and body with verifier, then decrypts and parses the
// resource. Only TRANSACTION.* events are payments; others are refused. The
// caller still matches appid, mchid, out_trade_no and amount with its order.
// Throws WxpayV3Error.
V3Notification parseTransactionNotification(const V3SignedMessage& message, const V3ResponseVerifier& verifier,
                                            const std::string& apiV3Key, std::int64_t nowEpochSeconds);
V3Notification parseTransactionNotification(const V3SignedMessage& message, const V3ResponseVerifier& verifier,
                                            const std::string& apiV3Key);  // against the system clock

// The answer WeChat expects to a notification.
struct V3Reply {
  int status = 200;
  std::string body;  // empty, or JSON when status is an error
};

// ok: 200 and no body, which stops the resends. Otherwise failureStatus (a
// 4xx or 5xx; anything else becomes 500) and {"code":"FAIL","message":...},
// and WeChat resends later.
V3Reply v3Reply(bool ok, const std::string& message = {}, int failureStatus = 500);

}  // namespace paynext::core::payments::wxpay_v3
