#pragma once
#include <optional>
#include <string>

#include <Poco/JSON/Object.h>

#include "core/payments/wxpay/wxpay_sign.h"
#include "core/payments/wxpay/wxpay_v2_client.h"

namespace paynext::core::payments {

// A factory's WeChat Pay v2 merchant settings, stored as JSON per factory.
struct WxpayChannelConfig {
  std::string appId;
  std::string mchId;
  std::string apiKey;  // secret: write-only through the admin API
  wxpay::SignType signType = wxpay::SignType::Md5;
  std::string gatewayUrl = "https://api.mch.weixin.qq.com";

  // Throws sdk::Error naming the field for a bad document.
  static WxpayChannelConfig fromJson(const Poco::JSON::Object& json);
  Poco::JSON::Object::Ptr toJson() const;
  // What admins may see: the key replaced by whether it is set.
  Poco::JSON::Object::Ptr redacted() const;
  wxpay::WxpayV2Config clientConfig() const;
};

}  // namespace paynext::core::payments
