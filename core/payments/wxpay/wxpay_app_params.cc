#include "core/payments/wxpay/wxpay_app_params.h"

namespace paynext::core::payments::wxpay {

Fields appPayParams(const std::string& appId, const std::string& mchId, const std::string& prepayId,
                    const std::string& apiKey, SignType signType, const std::string& timeStamp,
                    const std::string& nonceStr) {
  Fields params{{"appid", appId},          {"partnerid", mchId},   {"prepayid", prepayId},
                {"package", "Sign=WXPay"}, {"noncestr", nonceStr}, {"timestamp", timeStamp}};
  params["sign"] = sign(params, apiKey, signType);
  return params;
}

}  // namespace paynext::core::payments::wxpay
