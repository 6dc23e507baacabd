#pragma once
// Parameters for the WeChat open SDK's PayReq (APP payments, API v2).
#include <string>

#include "core/payments/wxpay/wxpay_sign.h"

namespace paynext::core::payments::wxpay {

// {appid, partnerid=mchId, prepayid, package="Sign=WXPay", noncestr,
// timestamp, sign}; sign is the v2 sign over the other six with the
// merchant's sign type (APP pay is documented with MD5).
Fields appPayParams(const std::string& appId, const std::string& mchId, const std::string& prepayId,
                    const std::string& apiKey, SignType signType, const std::string& timeStamp,
                    const std::string& nonceStr);

}  // namespace paynext::core::payments::wxpay
