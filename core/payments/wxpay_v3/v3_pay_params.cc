#include "core/payments/wxpay_v3/v3_pay_params.h"

#include "core/payments/wxpay_v3/v3_rsa_signature.h"

namespace paynext::core::payments::wxpay_v3 {

std::string jsapiPaySignMessage(const std::string& appId, std::int64_t timeStamp, const std::string& nonceStr,
                                const std::string& package) {
  return appId + '\n' + std::to_string(timeStamp) + '\n' + nonceStr + '\n' + package + '\n';
}

std::string appPaySignMessage(const std::string& appId, std::int64_t timeStamp, const std::string& nonceStr,
                              const std::string& prepayId) {
  return appId + '\n' + std::to_string(timeStamp) + '\n' + nonceStr + '\n' + prepayId + '\n';
}

PayParams jsapiPayParams(const Poco::Crypto::RSAKey& merchantKey, const std::string& appId, const std::string& prepayId,
                         std::int64_t timeStamp, const std::string& nonceStr) {
  const std::string package = "prepay_id=" + prepayId;
  return PayParams{
      {"appId", appId},
      {"timeStamp", std::to_string(timeStamp)},
      {"nonceStr", nonceStr},
      {"package", package},
      {"signType", "RSA"},
      {"paySign", signSha256WithRsa(merchantKey, jsapiPaySignMessage(appId, timeStamp, nonceStr, package))}};
}

PayParams appPayParams(const Poco::Crypto::RSAKey& merchantKey, const std::string& appId, const std::string& mchId,
                       const std::string& prepayId, std::int64_t timeStamp, const std::string& nonceStr) {
  return PayParams{{"appid", appId},
                   {"partnerid", mchId},
                   {"prepayid", prepayId},
                   {"package", "Sign=WXPay"},
                   {"noncestr", nonceStr},
                   {"timestamp", std::to_string(timeStamp)},
                   {"sign", signSha256WithRsa(merchantKey, appPaySignMessage(appId, timeStamp, nonceStr, prepayId))}};
}

}  // namespace paynext::core::payments::wxpay_v3
