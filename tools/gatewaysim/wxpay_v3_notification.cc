#include "tools/gatewaysim/wxpay_v3_notification.h"

#include <sstream>

#include <Poco/JSON/Object.h>
#include <Poco/UUIDGenerator.h>

#include "core/crypto/digest.h"
#include "core/payments/wxpay_v3/v3_aead.h"
#include "core/payments/wxpay_v3/v3_request_signer.h"
#include "tools/gatewaysim/wechat_ids.h"
#include "tools/gatewaysim/wxpay_v3_refund_json.h"
#include "tools/gatewaysim/wxpay_v3_transaction_json.h"

namespace paynext::tools::gatewaysim {

namespace v3 = core::payments::wxpay_v3;

namespace {

// The envelope of one event: resource is plaintext encrypted under the APIv3 key.
std::string envelope(const V3Merchant& merchant, const std::string& eventType, const std::string& summary,
                     const std::string& originalType, const std::string& plaintext) {
  const std::string nonce = core::crypto::randomHex(6);  // 12 characters
  Poco::JSON::Object::Ptr resource = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  resource->set("original_type", originalType);
  resource->set("algorithm", v3::kAeadAes256Gcm);
  resource->set("ciphertext", v3::aeadAes256GcmEncrypt(merchant.apiV3Key, nonce, originalType, plaintext));
  resource->set("associated_data", originalType);
  resource->set("nonce", nonce);
  Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
  json.set("id", Poco::UUIDGenerator::defaultGenerator().createRandom().toString());
  json.set("create_time", rfc3339Beijing(beijingTimeNow()));
  json.set("resource_type", "encrypt-resource");
  json.set("event_type", eventType);
  json.set("summary", summary);
  json.set("resource", resource);
  std::ostringstream out;
  json.stringify(out);
  return out.str();
}

// A notification of body to url, its Wechatpay-* headers signed at each attempt.
template <typename Store, typename Key>
Notification signedNotification(const std::string& url, const std::string& label, std::string body,
                                const V3Merchant& merchant, const NotifyOptions& options, Store& store, Key key) {
  Notification notification;
  notification.url = url;
  notification.contentType = "application/json";
  notification.body = std::move(body);
  notification.label = label;
  // WeChat signs each attempt when it sends it, so a late resend is still fresh.
  notification.headers = [merchant, options](const std::string& body) {
    auto headers = platformSignatureHeaders(merchant, body, v3::nowEpochSeconds() + options.timestampOffsetSeconds);
    if (options.badSign) {
      for (auto& [name, value] : headers) {
        if (name == "Wechatpay-Signature") value[0] = value[0] == 'A' ? 'B' : 'A';
      }
    }
    return headers;
  };
  // Reached only on a 2xx: that alone acknowledges a v3 notification.
  notification.judge = [](const std::string&) { return NotifyVerdict{true, "SUCCESS"}; };
  notification.record = attemptRecorder(store, key);
  return notification;
}

}  // namespace

Notification wxpayV3Notification(const SimOrder& order, const V3Merchant& merchant, const NotifyOptions& options,
                                 OrderStore& store) {
  return signedNotification(order.notifyUrl, order.outTradeNo,
                            envelope(merchant, "TRANSACTION.SUCCESS", "支付成功", "transaction",
                                     v3TransactionJson(order, options.totalFeeOverride)),
                            merchant, options, store, OrderStore::keyOf(order));
}

Notification wxpayV3RefundNotification(const V3SimRefund& refund, const V3Merchant& merchant, V3RefundStore& store) {
  const std::string summary = refund.status == "SUCCESS"    ? "退款成功"
                              : refund.status == "ABNORMAL" ? "退款异常"
                                                            : "退款关闭";
  return signedNotification(refund.notifyUrl, refund.outRefundNo,
                            envelope(merchant, "REFUND." + refund.status, summary, "refund",
                                     v3RefundResourceJson(refund)),
                            merchant, NotifyOptions{}, store, V3RefundStore::keyOf(refund));
}

}  // namespace paynext::tools::gatewaysim
