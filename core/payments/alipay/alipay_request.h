#pragma once
// The 公共请求参数 every open-platform API call carries, and its RSA2 sign.
#include <string>

#include <Poco/Crypto/RSAKey.h>
#include <Poco/Timestamp.h>

#include "core/payments/alipay/alipay_sign.h"

namespace paynext::core::payments::alipay {

// "yyyy-MM-dd HH:mm:ss" in China Standard Time (UTC+8), the clock Alipay
// checks the timestamp parameter against.
std::string beijingTime(const Poco::Timestamp& at);

struct ApiRequest {
  std::string appId;
  std::string method;      // e.g. "alipay.trade.query"
  std::string bizContent;  // JSON text, signed and sent byte for byte
  std::string timestamp;   // "yyyy-MM-dd HH:mm:ss" Beijing time; empty = now
  Params extra;            // notify_url, return_url...; empty values are not sent
};

// {app_id, method, format=JSON, charset=utf-8, sign_type=RSA2, timestamp,
// version=1.0, biz_content, extra..., sign}, sign being the RSA2 sign of the
// request's sign content.
Params signRequest(const ApiRequest& request, const Poco::Crypto::RSAKey& privateKey);

}  // namespace paynext::core::payments::alipay
