#include "core/payments/wxpay/wxpay_jsapi_params.h"

namespace paynext::core::payments::wxpay {

Fields jsapiPayParams(const std::string& appId, const std::string& prepayId, const std::string& apiKey,
                      SignType signType, const std::string& timeStamp, const std::string& nonceStr) {
  Fields params{{"appId", appId},
                {"timeStamp", timeStamp},
                {"nonceStr", nonceStr},
                {"package", "prepay_id=" + prepayId},
                {"signType", signTypeName(signType)}};
  params["paySign"] = sign(params, apiKey, signType);
  return params;
}

}  // namespace paynext::core::payments::wxpay
