#include "core/payments/alipay/alipay_order_string.h"

#include <functional>
#include <vector>

#include <Poco/StringTokenizer.h>
#include <gtest/gtest.h>

#include "core/payments/alipay/alipay_form.h"
#include "core/payments/alipay/alipay_keys.h"
#include "core/payments/alipay/alipay_request.h"
#include "tests/support/rsa_test_keys.h"
#include "tests/support/error_of.h"

namespace paynext::core::payments::alipay {
namespace {

using paynext::testing::alipayKeys;
using paynext::testing::merchantKeys;

AlipayOrder order() {
  AlipayOrder o;
  o.appId = "2021000000000001";
  o.privateKey = merchantKeys().pkcs8Pem;
  o.gatewayUrl = "https://openapi.alipay.com/gateway.do";
  o.notifyUrl = "https://m.example.com/notify/alipay?t=1&x=a b";
  o.outTradeNo = "PN20240102030405abcd";
  o.totalFen = 1;
  o.subject = "充值 a&b=c+d";
  o.timeoutExpress = "30m";
  o.timestamp = "2024-01-02 03:04:05";
  return o;
}

const std::string kAppBizContent =
    R"({"out_trade_no":"PN20240102030405abcd","product_code":"QUICK_MSECURITY_PAY","subject":"充值 a&b=c+d",)"
    R"("timeout_express":"30m","total_amount":"0.01"})";

std::vector<std::string> split(const std::string& text, const std::string& separator) {
  Poco::StringTokenizer tokens(text, separator);
  return {tokens.begin(), tokens.end()};
}

const auto errorOf = paynext::testing::errorOf<AlipayError>;

TEST(AlipayOrderStringTest, AppOrderStringIsEncodedSortedWithSignLast) {
  const std::string orderString = appPayOrderString(order());
  const std::string sign = orderString.substr(orderString.rfind("&sign=") + 6);
  const std::string expected =
      "app_id=2021000000000001"
      "&biz_content=" +
      urlEncode(kAppBizContent) +
      "&charset=utf-8"
      "&format=JSON"
      "&method=alipay.trade.app.pay"
      "&notify_url=https%3A%2F%2Fm.example.com%2Fnotify%2Falipay%3Ft%3D1%26x%3Da+b"
      "&sign_type=RSA2"
      "&timestamp=2024-01-02+03%3A04%3A05"
      "&version=1.0"
      "&sign=" +
      sign;
  EXPECT_EQ(expected, orderString);
  // The biz_content parts that show the encoding: Chinese, '&', '=', '+', spaces.
  EXPECT_NE(std::string::npos, orderString.find("%22subject%22%3A%22%E5%85%85%E5%80%BC+a%26b%3Dc%2Bd%22"));
  // A base64 sign has '+', '/' and '='; in the order string they are encoded.
  EXPECT_EQ(std::string::npos, sign.find_first_of("+/="));
  EXPECT_NE(std::string::npos, sign.find("%3D"));
}

TEST(AlipayOrderStringTest, AppOrderStringDecodesAndVerifies) {
  const Params params = parseForm(appPayOrderString(order()));
  EXPECT_EQ(kAppBizContent, params.at("biz_content"));
  EXPECT_EQ("2024-01-02 03:04:05", params.at("timestamp"));
  EXPECT_EQ("https://m.example.com/notify/alipay?t=1&x=a b", params.at("notify_url"));
  EXPECT_EQ(10u, params.size());
  // Signed over the unencoded sorted content, verifiable with the public key.
  const Poco::Crypto::RSAKey publicKey = loadPublicKey(merchantKeys().publicPem);
  EXPECT_TRUE(rsa2Verify(signContent(params), params.at("sign"), publicKey));
  EXPECT_FALSE(rsa2Verify(signContent(params), params.at("sign"), alipayKeys().key));
}

TEST(AlipayOrderStringTest, SignIsTheSameForEveryKeyFormat) {
  AlipayOrder o = order();
  const std::string expected = appPayOrderString(o);
  for (const std::string& key : {merchantKeys().pkcs1Pem, merchantKeys().pkcs1Body, merchantKeys().pkcs8Body}) {
    o.privateKey = key;
    EXPECT_EQ(expected, appPayOrderString(o));
  }
}

TEST(AlipayOrderStringTest, OptionalFields) {
  AlipayOrder o = order();
  o.body = "在线支付";
  o.timeoutExpress.clear();
  o.notifyUrl.clear();
  o.totalFen = 1000001;
  const Params params = parseForm(appPayOrderString(o));
  EXPECT_EQ(R"({"body":"在线支付","out_trade_no":"PN20240102030405abcd","product_code":"QUICK_MSECURITY_PAY",)"
            R"("subject":"充值 a&b=c+d","total_amount":"10000.01"})",
            params.at("biz_content"));
  EXPECT_EQ(0u, params.count("notify_url"));
  EXPECT_TRUE(rsa2Verify(signContent(params), params.at("sign"), merchantKeys().key));
}

TEST(AlipayOrderStringTest, JsonSpecialCharactersAreEscapedInBizContent) {
  AlipayOrder o = order();
  o.subject = "say \"hi\" \\ now";
  const Params params = parseForm(appPayOrderString(o));
  EXPECT_NE(std::string::npos, params.at("biz_content").find(R"("subject":"say \"hi\" \\ now")"));
}

TEST(AlipayOrderStringTest, TimestampDefaultsToNowInBeijingTime) {
  AlipayOrder o = order();
  o.timestamp.clear();
  const std::string before = beijingTime(Poco::Timestamp());
  const std::string timestamp = parseForm(appPayOrderString(o)).at("timestamp");
  const std::string after = beijingTime(Poco::Timestamp());
  EXPECT_LE(before, timestamp);
  EXPECT_LE(timestamp, after);
  EXPECT_EQ("1970-01-01 08:00:00", beijingTime(Poco::Timestamp::fromEpochTime(0)));
  EXPECT_EQ("2024-01-02 03:04:05", beijingTime(Poco::Timestamp::fromEpochTime(1704135845)));
}

TEST(AlipayOrderStringTest, BadOrdersAreRefused) {
  AlipayOrder o = order();
  o.totalFen = 0;
  EXPECT_EQ("alipay.trade.app.pay: total_amount must be between 1 fen and 100000000 yuan",
            errorOf([&] { appPayOrderString(o); }));
  o.totalFen = 10000000001;
  EXPECT_EQ("alipay.trade.wap.pay: total_amount must be between 1 fen and 100000000 yuan",
            errorOf([&] { wapPayUrl(o); }));
  o = order();
  o.subject.clear();
  EXPECT_EQ("alipay.trade.app.pay: app_id, out_trade_no and subject are required",
            errorOf([&] { appPayOrderString(o); }));
  o = order();
  o.privateKey = "not a key";
  EXPECT_EQ("private key: not an unencrypted RSA private key in PKCS#1 or PKCS#8 PEM, nor the base64 body of one",
            errorOf([&] { appPayOrderString(o); }));
  o = order();
  o.gatewayUrl = "openapi.alipay.com/gateway.do";
  EXPECT_EQ("alipay.trade.wap.pay: gateway URL must be http:// or https://, not 'openapi.alipay.com/gateway.do'",
            errorOf([&] { wapPayUrl(o); }));
}

TEST(AlipayOrderStringTest, WapUrlIsTheGatewayWithEveryParamEncodedInKeyOrder) {
  AlipayOrder o = order();
  o.returnUrl = "https://m.example.com/paid?o=PN1";
  o.quitUrl = "https://m.example.com/cart";
  const std::string url = wapPayUrl(o);
  const std::string prefix = "https://openapi.alipay.com/gateway.do?";
  ASSERT_EQ(0u, url.find(prefix));
  const std::string query = url.substr(prefix.size());

  std::vector<std::string> keys;
  for (const auto& pair : split(query, "&")) keys.push_back(pair.substr(0, pair.find('=')));
  EXPECT_EQ((std::vector<std::string>{"app_id", "biz_content", "charset", "format", "method", "notify_url",
                                      "return_url", "sign", "sign_type", "timestamp", "version"}),
            keys);
  EXPECT_NE(std::string::npos, query.find("&return_url=https%3A%2F%2Fm.example.com%2Fpaid%3Fo%3DPN1&"));
  EXPECT_NE(std::string::npos, query.find("&timestamp=2024-01-02+03%3A04%3A05&"));

  const Params params = parseForm(query);
  EXPECT_EQ("alipay.trade.wap.pay", params.at("method"));
  EXPECT_EQ(
      R"({"out_trade_no":"PN20240102030405abcd","product_code":"QUICK_WAP_WAY","quit_url":"https://m.example.com/cart",)"
      R"("subject":"充值 a&b=c+d","timeout_express":"30m","total_amount":"0.01"})",
      params.at("biz_content"));
  EXPECT_TRUE(rsa2Verify(signContent(params), params.at("sign"), loadPublicKey(merchantKeys().publicBody)));
}

TEST(AlipayOrderStringTest, WapUrlAppendsToAGatewayQuery) {
  AlipayOrder o = order();
  o.gatewayUrl = "http://127.0.0.1:9000/gateway.do?charset=utf-8";
  EXPECT_EQ(0u, wapPayUrl(o).find("http://127.0.0.1:9000/gateway.do?charset=utf-8&app_id=2021000000000001&"));
  o.gatewayUrl = "http://127.0.0.1:9000/gateway.do?";
  EXPECT_EQ(0u, wapPayUrl(o).find("http://127.0.0.1:9000/gateway.do?app_id=2021000000000001&"));
}

}  // namespace
}  // namespace paynext::core::payments::alipay
