#pragma once
// Parameters for wx.requestPayment / WeixinJSBridge getBrandWCPayRequest
// (JSAPI and mini-program payments, API v2).
#include <string>

#include "core/payments/wxpay/wxpay_sign.h"

namespace paynext::core::payments::wxpay {

// {appId, timeStamp, nonceStr, package="prepay_id=<prepayId>", signType,
// paySign}; paySign is the v2 sign over the other five. timeStamp is epoch
// seconds as a decimal string, as the client API wants it.
Fields jsapiPayParams(const std::string& appId, const std::string& prepayId, const std::string& apiKey,
                      SignType signType, const std::string& timeStamp, const std::string& nonceStr);

}  // namespace paynext::core::payments::wxpay
