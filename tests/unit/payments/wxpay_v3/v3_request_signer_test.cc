#include "core/payments/wxpay_v3/v3_request_signer.h"

#include <gtest/gtest.h>

#include "core/payments/wxpay_v3/v3_rsa_signature.h"
#include "tests/unit/payments/wxpay_v3/v3_test_keys.h"

namespace paynext::core::payments::wxpay_v3 {
namespace {

using testing::merchantKey;
using testing::opensslVerifiesSha256WithRsa;
using testing::publicPem;

// The values of the official "签名生成" example.
const std::string kMchId = "1900009191";
const std::string kSerial = "1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C";
const std::string kNonce = "593BEC0C930BF1AFEB40B4A08C8FB242";
const std::int64_t kTimestamp = 1554208460;

TEST(WxpayV3RequestSignerTest, MessageIsFiveLines) {
  EXPECT_EQ("GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n",
            requestSignMessage("GET", "/v3/certificates", kTimestamp, kNonce, ""));
  EXPECT_EQ("POST\n/v3/pay/transactions/jsapi\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n{\"a\":1}\n",
            requestSignMessage("POST", "/v3/pay/transactions/jsapi", kTimestamp, kNonce, "{\"a\":1}"));
  EXPECT_EQ("GET\n/v3/pay/transactions/out-trade-no/PN1?mchid=1900009191\n1554208460\nN\n\n",
            requestSignMessage("GET", "/v3/pay/transactions/out-trade-no/PN1?mchid=1900009191", kTimestamp, "N", ""));
}

TEST(WxpayV3RequestSignerTest, AuthorizationHeaderHasTheDocumentedShape) {
  const V3RequestSigner signer(kMchId, kSerial, merchantKey());
  const std::string body = R"({"appid":"wxd678efh567hg6787","mchid":"1900009191"})";
  const std::string header = signer.authorization("POST", "/v3/pay/transactions/jsapi", body, kTimestamp, kNonce);

  const std::string head =
      "WECHATPAY2-SHA256-RSA2048 mchid=\"1900009191\","
      "nonce_str=\"593BEC0C930BF1AFEB40B4A08C8FB242\",signature=\"";
  const std::string tail = "\",timestamp=\"1554208460\",serial_no=\"1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C\"";
  ASSERT_EQ(head, header.substr(0, head.size()));
  ASSERT_EQ(tail, header.substr(header.size() - tail.size()));
  const std::string signature = header.substr(head.size(), header.size() - head.size() - tail.size());
  EXPECT_EQ(344u, signature.size());  // base64 of 256 bytes

  const std::string message =
      "POST\n/v3/pay/transactions/jsapi\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n" + body + "\n";
  EXPECT_TRUE(opensslVerifiesSha256WithRsa(publicPem(merchantKey()), message, signature));
  EXPECT_FALSE(opensslVerifiesSha256WithRsa(publicPem(merchantKey()), message + " ", signature));
  // PKCS#1 v1.5 is deterministic: the same inputs give the same header.
  EXPECT_EQ(header, signer.authorization("POST", "/v3/pay/transactions/jsapi", body, kTimestamp, kNonce));
}

TEST(WxpayV3RequestSignerTest, DefaultTimestampAndNonceAreFresh) {
  const V3RequestSigner signer(kMchId, kSerial, merchantKey());
  const std::int64_t before = nowEpochSeconds();
  const std::string a = signer.authorization("GET", "/v3/certificates", "");
  const std::string b = signer.authorization("GET", "/v3/certificates", "");
  EXPECT_NE(a, b);
  const auto valueOf = [](const std::string& header, const std::string& name) {
    const auto start = header.find(name + "=\"") + name.size() + 2;
    return header.substr(start, header.find('"', start) - start);
  };
  const std::string nonce = valueOf(a, "nonce_str");
  EXPECT_EQ(32u, nonce.size());
  EXPECT_EQ(std::string::npos, nonce.find_first_not_of("0123456789ABCDEF"));
  const std::int64_t timestamp = std::stoll(valueOf(a, "timestamp"));
  EXPECT_LE(before, timestamp);
  EXPECT_LE(timestamp, nowEpochSeconds());
  EXPECT_TRUE(verifySha256WithRsa(merchantKey(), requestSignMessage("GET", "/v3/certificates", timestamp, nonce, ""),
                                  valueOf(a, "signature")));
}

}  // namespace
}  // namespace paynext::core::payments::wxpay_v3
