#pragma once
#include <string>

#include <Poco/JSON/Object.h>

#include "core/payments/alipay/alipay_client.h"

namespace paynext::core::payments {

// A factory's Alipay application, stored as JSON per factory.
struct AlipayChannelConfig {
  std::string appId;
  std::string privateKey;       // application private key: write-only through the admin API
  std::string alipayPublicKey;  // 支付宝公钥, verifies notifications and answers
  std::string gatewayUrl = "https://openapi.alipay.com/gateway.do";
  bool test = false;  // a test application (the sandbox): payments say livemode false

  // Throws sdk::Error naming the field for a bad document or an unreadable key.
  static AlipayChannelConfig fromJson(const Poco::JSON::Object& json);
  Poco::JSON::Object::Ptr toJson() const;
  Poco::JSON::Object::Ptr redacted() const;
  alipay::AlipayConfig clientConfig() const;
};

}  // namespace paynext::core::payments
