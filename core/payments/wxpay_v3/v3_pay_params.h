#pragma once
// Parameters the client SDKs need to start an API v3 payment, signed with
// the merchant's private key (SHA256withRSA) instead of the v2 API key.
#include <cstdint>
#include <map>
#include <string>

#include <Poco/Crypto/RSAKey.h>

namespace paynext::core::payments::wxpay_v3 {

using PayParams = std::map<std::string, std::string>;

// "appId\ntimeStamp\nnonceStr\npackage\n".
std::string jsapiPaySignMessage(const std::string& appId, std::int64_t timeStamp, const std::string& nonceStr,
                                const std::string& package);

// "appid\ntimestamp\nnoncestr\nprepayid\n".
std::string appPaySignMessage(const std::string& appId, std::int64_t timeStamp, const std::string& nonceStr,
                              const std::string& prepayId);

// For wx.requestPayment / WeixinJSBridge (JSAPI and mini-program):
// {appId, timeStamp, nonceStr, package="prepay_id=<prepayId>", signType="RSA",
// paySign}. timeStamp is epoch seconds in decimal.
PayParams jsapiPayParams(const Poco::Crypto::RSAKey& merchantKey, const std::string& appId, const std::string& prepayId,
                         std::int64_t timeStamp, const std::string& nonceStr);

// For the open SDK's PayReq (APP): {appid, partnerid=mchId, prepayid,
// package="Sign=WXPay", noncestr, timestamp, sign}.
PayParams appPayParams(const Poco::Crypto::RSAKey& merchantKey, const std::string& appId, const std::string& mchId,
                       const std::string& prepayId, std::int64_t timeStamp, const std::string& nonceStr);

}  // namespace paynext::core::payments::wxpay_v3
