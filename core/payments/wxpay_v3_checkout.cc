#include "core/payments/wxpay_v3_checkout.h"

#include "core/payments/wxpay_v3/v3_pay_params.h"
#include "core/payments/wxpay_v3/v3_request_signer.h"

namespace paynext::core::payments {

WxpayPrepay placeWxpayV3Order(const WxpayChannelConfig& config, const wxpay_v3::V3PrepayRequest& order, bool app) {
  const auto client = config.v3Client();
  WxpayPrepay placed;
  placed.prepayId = app ? client.appPrepay(order) : client.jsapiPrepay(order);
  const auto key = config.v3PrivateKey();
  const std::int64_t timeStamp = wxpay_v3::nowEpochSeconds();
  const std::string nonce = wxpay_v3::newNonce();
  placed.payParams = app ? wxpay_v3::appPayParams(key, config.appId, config.mchId, placed.prepayId, timeStamp, nonce)
                         : wxpay_v3::jsapiPayParams(key, config.appId, placed.prepayId, timeStamp, nonce);
  return placed;
}

}  // namespace paynext::core::payments
