#include "core/payments/wxpay_v3/v3_notification.h"

#include <sstream>

#include "core/payments/wxpay_v3/v3_aead.h"
#include "core/payments/wxpay_v3/v3_error.h"
#include "core/payments/wxpay_v3/v3_json.h"
#include "core/payments/wxpay_v3/v3_request_signer.h"

namespace paynext::core::payments::wxpay_v3 {

V3Notification parseTransactionNotification(const V3SignedMessage& message, const V3ResponseVerifier& verifier,
                                            const std::string& apiV3Key) {
  return parseTransactionNotification(message, verifier, apiV3Key, nowEpochSeconds());
}

V3OpenedNotification openNotification(const V3SignedMessage& message, const V3ResponseVerifier& verifier,
                                      const std::string& apiV3Key, std::int64_t nowEpochSeconds,
                                      const std::string& eventPrefix, const std::string& eventKind) {
  // Nothing of the body is trusted, or even parsed, before its signature checks.
  verifier.verify(message, nowEpochSeconds);

  const std::string what = "notification";
  const auto envelope = parseJsonObject(message.body, what);
  V3OpenedNotification n;
  n.id = requiredString(*envelope, "id", what);
  n.createTime = optionalString(*envelope, "create_time", what);
  n.eventType = requiredString(*envelope, "event_type", what);
  n.resourceType = optionalString(*envelope, "resource_type", what);
  n.summary = optionalString(*envelope, "summary", what);
  if (n.eventType.rfind(eventPrefix, 0) != 0) {
    throw WxpayV3Error(what + " event_type '" + n.eventType + "' is not a " + eventKind + " event");
  }
  const auto resource = optionalObject(*envelope, "resource", what);
  if (!resource) throw WxpayV3Error(what + " has no resource");
  const std::string part = what + " resource";
  const std::string algorithm = requiredString(*resource, "algorithm", part);
  if (algorithm != kAeadAes256Gcm) {
    throw WxpayV3Error(part + " algorithm '" + algorithm + "' is not " + kAeadAes256Gcm);
  }
  n.resource = aeadAes256GcmDecrypt(apiV3Key, requiredString(*resource, "nonce", part),
                                    optionalString(*resource, "associated_data", part),
                                    requiredString(*resource, "ciphertext", part));
  return n;
}

V3Notification parseTransactionNotification(const V3SignedMessage& message, const V3ResponseVerifier& verifier,
                                            const std::string& apiV3Key, std::int64_t nowEpochSeconds) {
  const V3OpenedNotification opened =
      openNotification(message, verifier, apiV3Key, nowEpochSeconds, "TRANSACTION.", "payment");
  V3Notification n;
  n.id = opened.id;
  n.createTime = opened.createTime;
  n.eventType = opened.eventType;
  n.resourceType = opened.resourceType;
  n.summary = opened.summary;
  n.transaction = parseTransaction(opened.resource);
  return n;
}

V3Reply v3Reply(bool ok, const std::string& message, int failureStatus) {
  if (ok) return V3Reply{200, {}};
  Poco::JSON::Object body;
  body.set("code", "FAIL");
  body.set("message", message.empty() ? std::string("FAIL") : message);
  std::ostringstream out;
  body.stringify(out);
  return V3Reply{failureStatus >= 400 && failureStatus <= 599 ? failureStatus : 500, out.str()};
}

}  // namespace paynext::core::payments::wxpay_v3
