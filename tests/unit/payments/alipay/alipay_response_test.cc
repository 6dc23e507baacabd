#include "core/payments/alipay/alipay_response.h"

#include <functional>

#include <gtest/gtest.h>

#include "core/payments/alipay/alipay_sign.h"
#include "tests/support/rsa_test_keys.h"
#include "tests/support/error_of.h"

namespace paynext::core::payments::alipay {
namespace {

using paynext::testing::alipayKeys;
using paynext::testing::merchantKeys;

const std::string kMethod = "alipay.trade.query";
// Strings with braces, brackets, escaped quotes and commas, and a nested
// array of objects: the node ends at its own closing brace.
const std::string kNode =
    R"({"code":"10000","msg":"Success","buyer_logon_id":"159****5620","out_trade_no":"PN1",)"
    R"("subject":"a}b]\"{,c","fund_bill_list":[{"amount":"0.01","fund_channel":"ALIPAYACCOUNT"}],)"
    R"("total_amount":"0.01","trade_no":"2024010222001424331234567890","trade_status":"TRADE_SUCCESS"})";

const auto errorOf = paynext::testing::errorOf<AlipayError>;

TEST(AlipayResponseTest, NodeName) { EXPECT_EQ("alipay_trade_query_response", responseNodeName("alipay.trade.query")); }

TEST(AlipayResponseTest, CutsTheNodeTextOutOfTheBody) {
  const std::string sign = rsa2Sign(kNode, alipayKeys().key);
  for (const std::string& body :
       {R"({"alipay_trade_query_response":)" + kNode + R"(,"sign":")" + sign + R"("})",
        R"({"sign":")" + sign + R"(", "alipay_trade_query_response" : )" + kNode + "\n}",
        "{\r\n \"alipay_cert_sn\":null,\"alipay_trade_query_response\":\t" + kNode + R"(,"sign":")" + sign + "\"}"}) {
    const SignedResponse response = parseResponse(body, kMethod);
    EXPECT_EQ(kNode, response.nodeText) << body;
    EXPECT_EQ(sign, response.sign);
    EXPECT_EQ("a}b]\"{,c", response.node->getValue<std::string>("subject"));
    EXPECT_TRUE(verifyResponse(response, alipayKeys().key));
    EXPECT_FALSE(verifyResponse(response, merchantKeys().key));
  }
}

TEST(AlipayResponseTest, FallsBackToTheErrorResponseNode) {
  const std::string node = R"({"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-app-id"})";
  const SignedResponse response = parseResponse(R"({"error_response":)" + node + "}", kMethod);
  EXPECT_EQ(node, response.nodeText);
  EXPECT_EQ("", response.sign);
  EXPECT_FALSE(verifyResponse(response, alipayKeys().key));
}

TEST(AlipayResponseTest, AcceptsASignatureOverUnescapedSlashes) {
  const std::string signedText = R"({"code":"10000","msg":"Success","url":"https://x.example/a/b"})";
  const std::string sentText = R"({"code":"10000","msg":"Success","url":"https:\/\/x.example\/a\/b"})";
  const std::string body =
      R"({"alipay_trade_query_response":)" + sentText + R"(,"sign":")" + rsa2Sign(signedText, alipayKeys().key) + "\"}";
  const SignedResponse response = parseResponse(body, kMethod);
  EXPECT_EQ(sentText, response.nodeText);
  EXPECT_TRUE(verifyResponse(response, alipayKeys().key));
}

TEST(AlipayResponseTest, UnusableBodiesAreErrors) {
  EXPECT_EQ("no alipay_trade_query_response object",
            errorOf([] { parseResponse(R"({"alipay_trade_pay_response":{},"sign":"x"})", kMethod); }));
  EXPECT_EQ("no alipay_trade_query_response object",
            errorOf([] { parseResponse(R"({"alipay_trade_query_response":"text"})", kMethod); }));
  EXPECT_EQ("not a JSON object: a top-level key is repeated", errorOf([] {
              parseResponse(R"({"alipay_trade_query_response":{"code":"10000"},"alipay_trade_query_response":{}})",
                            kMethod);
            }));
  EXPECT_EQ(0u, errorOf([] { parseResponse("<html>busy</html>", kMethod); }).find("not a JSON object: "));
  EXPECT_EQ(0u, errorOf([] { parseResponse("[1,2]", kMethod); }).find("not a JSON object: "));
  EXPECT_EQ(0u, errorOf([] { parseResponse("", kMethod); }).find("not a JSON object: "));
}

}  // namespace
}  // namespace paynext::core::payments::alipay
