#include "core/payments/wxpay_v3/v3_response_verifier.h"

#include <functional>

#include <Poco/Net/HTTPResponse.h>
#include <gtest/gtest.h>

#include "core/payments/wxpay_v3/v3_error.h"
#include "core/payments/wxpay_v3/v3_request_signer.h"
#include "core/payments/wxpay_v3/v3_rsa_signature.h"
#include "tests/unit/payments/wxpay_v3/v3_test_keys.h"
#include "tests/support/error_of.h"

namespace paynext::core::payments::wxpay_v3 {
namespace {

using testing::merchantKey;
using testing::platformKey;

const std::string kSerial = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
const std::int64_t kNow = 1554209980;
const std::string kBody = R"({"prepay_id":"wx201410272009395522657a690389285100"})";

const auto errorOf = paynext::testing::errorOf<WxpayV3Error>;

// An answer as the platform would sign it.
V3SignedMessage signedAnswer(std::int64_t timestamp = kNow, const Poco::Crypto::RSAKey& key = platformKey()) {
  V3SignedMessage m;
  m.timestamp = std::to_string(timestamp);
  m.nonce = "d2d4bbbc9d0ab0b6bd8c6c1bd9d8b0f4";
  m.serial = kSerial;
  m.body = kBody;
  m.signature = signSha256WithRsa(key, responseSignMessage(m.timestamp, m.nonce, m.body));
  return m;
}

TEST(WxpayV3ResponseVerifierTest, MessageIsThreeLines) {
  EXPECT_EQ("1554209980\nc5ac7061fccab6bf3e254dcf98995b8c\n{\"a\":1}\n",
            responseSignMessage("1554209980", "c5ac7061fccab6bf3e254dcf98995b8c", "{\"a\":1}"));
  EXPECT_EQ("1554209980\nn\n\n", responseSignMessage("1554209980", "n", ""));
}

TEST(WxpayV3ResponseVerifierTest, AcceptsAFreshPlatformSignature) {
  const V3ResponseVerifier verifier(kSerial, platformKey());
  EXPECT_NO_THROW(verifier.verify(signedAnswer(), kNow));
  EXPECT_NO_THROW(verifier.verify(signedAnswer(kNow - 300), kNow));  // the window's edges are inside
  EXPECT_NO_THROW(verifier.verify(signedAnswer(kNow + 300), kNow));
  EXPECT_NO_THROW(verifier.verify(signedAnswer(nowEpochSeconds())));
}

TEST(WxpayV3ResponseVerifierTest, WrongSignature) {
  const V3ResponseVerifier verifier(kSerial, platformKey());
  const std::string error = "Wechatpay-Signature does not verify";
  EXPECT_EQ(error, errorOf([&] { verifier.verify(signedAnswer(kNow, merchantKey()), kNow); }));
  V3SignedMessage m = signedAnswer();
  m.body += " ";
  EXPECT_EQ(error, errorOf([&] { verifier.verify(m, kNow); }));
  m = signedAnswer();
  m.nonce = "x";
  EXPECT_EQ(error, errorOf([&] { verifier.verify(m, kNow); }));
  m = signedAnswer();
  m.signature = "WECHATPAY/SIGNTEST/" + m.signature.substr(19);  // WeChat's deliberate probe
  EXPECT_EQ(error, errorOf([&] { verifier.verify(m, kNow); }));
  m.signature = "not base64!";
  EXPECT_EQ(error, errorOf([&] { verifier.verify(m, kNow); }));
}

TEST(WxpayV3ResponseVerifierTest, WrongSerial) {
  const V3ResponseVerifier verifier(kSerial, platformKey());
  V3SignedMessage m = signedAnswer();
  m.serial = "7132D72A03E93CDDF8C03BBD1F37EEDF";
  EXPECT_EQ("Wechatpay-Serial '7132D72A03E93CDDF8C03BBD1F37EEDF' is not a configured platform key",
            errorOf([&] { verifier.verify(m, kNow); }));
  m.serial = "bad\r\nInjected: header";
  EXPECT_EQ("Wechatpay-Serial (malformed) is not a configured platform key",
            errorOf([&] { verifier.verify(m, kNow); }));
}

TEST(WxpayV3ResponseVerifierTest, StaleOrFutureTimestamp) {
  const V3ResponseVerifier verifier(kSerial, platformKey());
  EXPECT_EQ("Wechatpay-Timestamp is 301 seconds off the local clock (more than 300)",
            errorOf([&] { verifier.verify(signedAnswer(kNow - 301), kNow); }));
  EXPECT_EQ("Wechatpay-Timestamp is 3600 seconds off the local clock (more than 300)",
            errorOf([&] { verifier.verify(signedAnswer(kNow + 3600), kNow); }));
  V3SignedMessage m = signedAnswer();
  m.timestamp = "-1";
  EXPECT_EQ("Wechatpay-Timestamp is not a number", errorOf([&] { verifier.verify(m, kNow); }));
  m.timestamp = "1554209980.5";
  EXPECT_EQ("Wechatpay-Timestamp is not a number", errorOf([&] { verifier.verify(m, kNow); }));

  const V3ResponseVerifier strict(kSerial, platformKey(), 10);
  EXPECT_EQ("Wechatpay-Timestamp is 11 seconds off the local clock (more than 10)",
            errorOf([&] { strict.verify(signedAnswer(kNow - 11), kNow); }));
}

TEST(WxpayV3ResponseVerifierTest, MissingHeaders) {
  const V3ResponseVerifier verifier(kSerial, platformKey());
  const std::pair<std::string V3SignedMessage::*, std::string> cases[] = {
      {&V3SignedMessage::serial, "missing Wechatpay-Serial header"},
      {&V3SignedMessage::timestamp, "missing Wechatpay-Timestamp header"},
      {&V3SignedMessage::nonce, "missing Wechatpay-Nonce header"},
      {&V3SignedMessage::signature, "missing Wechatpay-Signature header"}};
  for (const auto& [field, error] : cases) {
    V3SignedMessage m = signedAnswer();
    m.*field = "";
    EXPECT_EQ(error, errorOf([&] { verifier.verify(m, kNow); }));
  }
}

TEST(WxpayV3ResponseVerifierTest, SeveralPlatformKeysDuringRotation) {
  const V3ResponseVerifier verifier(
      std::map<std::string, Poco::Crypto::RSAKey>{{"OLD", merchantKey()}, {kSerial, platformKey()}});
  EXPECT_NO_THROW(verifier.verify(signedAnswer(), kNow));
  V3SignedMessage m = signedAnswer(kNow, merchantKey());
  m.serial = "OLD";
  m.signature = signSha256WithRsa(merchantKey(), responseSignMessage(m.timestamp, m.nonce, m.body));
  EXPECT_NO_THROW(verifier.verify(m, kNow));
  m.serial = kSerial;  // signed by the old key, naming the new one
  EXPECT_EQ("Wechatpay-Signature does not verify", errorOf([&] { verifier.verify(m, kNow); }));
  EXPECT_EQ("no platform key configured",
            errorOf([] { V3ResponseVerifier(std::map<std::string, Poco::Crypto::RSAKey>{}); }));
}

TEST(WxpayV3ResponseVerifierTest, HeadersAreReadCaseInsensitively) {
  Poco::Net::HTTPResponse response;
  response.set("wechatpay-timestamp", "1554209980");
  response.set("WECHATPAY-NONCE", "n");
  response.set("Wechatpay-Signature", "c2ln");
  response.set("Wechatpay-Serial", kSerial);
  const V3SignedMessage m = signedMessageFrom(response, "body");
  EXPECT_EQ("1554209980", m.timestamp);
  EXPECT_EQ("n", m.nonce);
  EXPECT_EQ("c2ln", m.signature);
  EXPECT_EQ(kSerial, m.serial);
  EXPECT_EQ("body", m.body);
  EXPECT_EQ("", signedMessageFrom(Poco::Net::HTTPResponse(), "").serial);
}

}  // namespace
}  // namespace paynext::core::payments::wxpay_v3
