#include <gtest/gtest.h>

#include "core/crypto/digest.h"
#include "core/payments/wxpay/wxpay_app_params.h"
#include "core/payments/wxpay/wxpay_jsapi_params.h"

namespace paynext::core::payments::wxpay {
namespace {

const std::string kKey = "192006250b4c09247ec02edce69f6a2d";
const std::string kAppId = "wxd930ea5d5a258f4f";
const std::string kPrepayId = "wx2017033010242291fcfe0db70013231072";
const std::string kNonce = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS";
const std::string kTime = "1490840662";

TEST(WxpayJsapiParamsTest, Md5) {
  const Fields params = jsapiPayParams(kAppId, kPrepayId, kKey, SignType::Md5, kTime, kNonce);
  EXPECT_EQ(kAppId, params.at("appId"));
  EXPECT_EQ(kTime, params.at("timeStamp"));
  EXPECT_EQ(kNonce, params.at("nonceStr"));
  EXPECT_EQ("prepay_id=" + kPrepayId, params.at("package"));
  EXPECT_EQ("MD5", params.at("signType"));
  EXPECT_EQ(6u, params.size());
  // Recomputed from the documented string, independently of sign().
  const std::string signed_ = "appId=" + kAppId + "&nonceStr=" + kNonce + "&package=prepay_id=" + kPrepayId +
                              "&signType=MD5&timeStamp=" + kTime + "&key=" + kKey;
  EXPECT_EQ(crypto::toUpper(crypto::md5Hex(signed_)), params.at("paySign"));
  EXPECT_EQ("A3C4993E71916E54AE93F5D2B1E888AF", params.at("paySign"));
}

TEST(WxpayJsapiParamsTest, HmacSha256) {
  const Fields params = jsapiPayParams(kAppId, kPrepayId, kKey, SignType::HmacSha256, kTime, kNonce);
  EXPECT_EQ("HMAC-SHA256", params.at("signType"));
  const std::string signed_ = "appId=" + kAppId + "&nonceStr=" + kNonce + "&package=prepay_id=" + kPrepayId +
                              "&signType=HMAC-SHA256&timeStamp=" + kTime + "&key=" + kKey;
  EXPECT_EQ(crypto::toUpper(crypto::hmacSha256Hex(kKey, signed_)), params.at("paySign"));
  EXPECT_EQ("15FC5558B3F2A6AF14B8C4FEB53F8D822E04051B2C788ECDD0ABA657F9EA5A06", params.at("paySign"));
}

TEST(WxpayAppParamsTest, Md5) {
  const Fields params = appPayParams(kAppId, "10000100", kPrepayId, kKey, SignType::Md5, kTime, kNonce);
  EXPECT_EQ((Fields{{"appid", kAppId},
                    {"partnerid", "10000100"},
                    {"prepayid", kPrepayId},
                    {"package", "Sign=WXPay"},
                    {"noncestr", kNonce},
                    {"timestamp", kTime},
                    {"sign", "0A2318B86132946D88206978C947D8D2"}}),
            params);
}

}  // namespace
}  // namespace paynext::core::payments::wxpay
