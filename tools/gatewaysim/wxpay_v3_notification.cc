#include "tools/gatewaysim/wxpay_v3_notification.h"

#include <sstream>

#include <Poco/JSON/Object.h>
#include <Poco/UUIDGenerator.h>

#include "core/crypto/digest.h"
#include "core/payments/wxpay_v3/v3_aead.h"
#include "core/payments/wxpay_v3/v3_request_signer.h"
#include "tools/gatewaysim/wechat_ids.h"
#include "tools/gatewaysim/wxpay_v3_transaction_json.h"

namespace paynext::tools::gatewaysim {

namespace v3 = core::payments::wxpay_v3;

namespace {

std::string envelope(const SimOrder& order, const V3Merchant& merchant, const NotifyOptions& options) {
  const std::string associatedData = "transaction", nonce = core::crypto::randomHex(6);  // 12 characters
  Poco::JSON::Object::Ptr resource = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  resource->set("original_type", "transaction");
  resource->set("algorithm", v3::kAeadAes256Gcm);
  resource->set("ciphertext", v3::aeadAes256GcmEncrypt(merchant.apiV3Key, nonce, associatedData,
                                                       v3TransactionJson(order, options.totalFeeOverride)));
  resource->set("associated_data", associatedData);
  resource->set("nonce", nonce);
  Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
  json.set("id", Poco::UUIDGenerator::defaultGenerator().createRandom().toString());
  json.set("create_time", rfc3339Beijing(beijingTimeNow()));
  json.set("resource_type", "encrypt-resource");
  json.set("event_type", "TRANSACTION.SUCCESS");
  json.set("summary", "支付成功");
  json.set("resource", resource);
  std::ostringstream out;
  json.stringify(out);
  return out.str();
}

}  // namespace

Notification wxpayV3Notification(const SimOrder& order, const V3Merchant& merchant, const NotifyOptions& options,
                                 OrderStore& store) {
  Notification notification;
  notification.url = order.notifyUrl;
  notification.contentType = "application/json";
  notification.body = envelope(order, merchant, options);
  notification.label = order.outTradeNo;
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
  notification.record = attemptRecorder(store, OrderStore::keyOf(order));
  return notification;
}

}  // namespace paynext::tools::gatewaysim
