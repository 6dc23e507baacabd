#include "core/payments/alipay/alipay_request.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timespan.h>

namespace paynext::core::payments::alipay {

std::string beijingTime(const Poco::Timestamp& at) {
  // The formatter's time zone argument only labels %z; shift the clock itself.
  Poco::DateTime beijing(at);
  beijing += Poco::Timespan(8 * Poco::Timespan::HOURS);
  return Poco::DateTimeFormatter::format(beijing, "%Y-%m-%d %H:%M:%S");
}

Params signRequest(const ApiRequest& request, const Poco::Crypto::RSAKey& privateKey) {
  Params params;
  for (const auto& [key, value] : request.extra) {
    if (!value.empty()) params[key] = value;
  }
  params["app_id"] = request.appId;
  params["method"] = request.method;
  params["format"] = "JSON";
  params["charset"] = "utf-8";
  params["sign_type"] = "RSA2";
  params["timestamp"] = request.timestamp.empty() ? beijingTime(Poco::Timestamp()) : request.timestamp;
  params["version"] = "1.0";
  params["biz_content"] = request.bizContent;
  params["sign"] = rsa2Sign(signContent(params), privateKey);
  return params;
}

}  // namespace paynext::core::payments::alipay
