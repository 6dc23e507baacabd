#include "core/payments/wxpay_v3/v3_pay_params.h"

#include <gtest/gtest.h>

#include "core/payments/wxpay_v3/v3_rsa_signature.h"
#include "tests/unit/payments/wxpay_v3/v3_test_keys.h"

namespace paynext::core::payments::wxpay_v3 {
namespace {

using testing::merchantKey;
using testing::opensslVerifiesSha256WithRsa;
using testing::platformKey;
using testing::publicPem;

const std::string kAppId = "wx8888888888888888";
const std::string kPrepayId = "wx201410272009395522657a690389285100";
const std::string kNonce = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS";
const std::int64_t kTime = 1414561699;

TEST(WxpayV3PayParamsTest, JsapiMessage) {
  EXPECT_EQ(
      "wx8888888888888888\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\n"
      "prepay_id=wx201410272009395522657a690389285100\n",
      jsapiPaySignMessage(kAppId, kTime, kNonce, "prepay_id=" + kPrepayId));
}

TEST(WxpayV3PayParamsTest, AppMessage) {
  EXPECT_EQ(
      "wx8888888888888888\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\n"
      "wx201410272009395522657a690389285100\n",
      appPaySignMessage(kAppId, kTime, kNonce, kPrepayId));
}

TEST(WxpayV3PayParamsTest, JsapiParamsAreSignedByTheMerchant) {
  PayParams params = jsapiPayParams(merchantKey(), kAppId, kPrepayId, kTime, kNonce);
  const std::string paySign = params.at("paySign");
  params.erase("paySign");
  EXPECT_EQ((PayParams{{"appId", kAppId},
                       {"timeStamp", "1414561699"},
                       {"nonceStr", kNonce},
                       {"package", "prepay_id=" + kPrepayId},
                       {"signType", "RSA"}}),
            params);
  const std::string message =
      "wx8888888888888888\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\n"
      "prepay_id=wx201410272009395522657a690389285100\n";
  EXPECT_TRUE(opensslVerifiesSha256WithRsa(publicPem(merchantKey()), message, paySign));
  EXPECT_FALSE(verifySha256WithRsa(platformKey(), message, paySign));
}

TEST(WxpayV3PayParamsTest, AppParamsAreSignedByTheMerchant) {
  PayParams params = appPayParams(merchantKey(), kAppId, "1900000109", kPrepayId, kTime, kNonce);
  const std::string sign = params.at("sign");
  params.erase("sign");
  EXPECT_EQ((PayParams{{"appid", kAppId},
                       {"partnerid", "1900000109"},
                       {"prepayid", kPrepayId},
                       {"package", "Sign=WXPay"},
                       {"noncestr", kNonce},
                       {"timestamp", "1414561699"}}),
            params);
  const std::string message =
      "wx8888888888888888\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\n"
      "wx201410272009395522657a690389285100\n";
  EXPECT_TRUE(opensslVerifiesSha256WithRsa(publicPem(merchantKey()), message, sign));
}

}  // namespace
}  // namespace paynext::core::payments::wxpay_v3
