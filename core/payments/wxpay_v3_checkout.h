#pragma once
// Placing a WeChat Pay API v3 order for a factory whose WeChat channel is
// configured for v3, and the parameters the app needs to pay it.
#include <string>

#include "core/payments/wxpay/wxpay_sign.h"
#include "core/payments/wxpay_channel_config.h"
#include "core/payments/wxpay_v3/v3_client.h"

namespace paynext::core::payments {

// A placed WeChat order: its prepay_id and the signed client parameters.
struct WxpayPrepay {
  std::string prepayId;
  wxpay::Fields payParams;
};

// POSTs /v3/pay/transactions/jsapi (app: /app) with the merchant's
// signature, accepts only an answer WeChat signed, and signs the pay params
// with the merchant key: JSAPI {appId, timeStamp, nonceStr, package,
// signType=RSA, paySign}; APP {appid, partnerid, prepayid,
// package=Sign=WXPay, noncestr, timestamp, sign}. Throws WxpayV3Error.
WxpayPrepay placeWxpayV3Order(const WxpayChannelConfig& config, const wxpay_v3::V3PrepayRequest& order, bool app);

}  // namespace paynext::core::payments
