#include "core/payments/alipay/alipay_client.h"

#include <functional>

#include <gtest/gtest.h>

#include "tests/support/rsa_test_keys.h"
#include "tests/unit/payments/alipay/alipay_client_fixture.h"

namespace paynext::core::payments::alipay {
namespace {

using paynext::testing::alipayKeys;
using paynext::testing::merchantKeys;

const std::string kPaidNode =
    R"({"code":"10000","msg":"Success","buyer_logon_id":"159****5620","buyer_pay_amount":"0.00",)"
    R"("buyer_user_id":"2088101117955611","invoice_amount":"0.00","out_trade_no":"PN1","point_amount":"0.00",)"
    R"("receipt_amount":"0.00","send_pay_date":"2024-01-02 03:04:09","total_amount":"88.88",)"
    R"("trade_no":"2024010222001424331234567890","trade_status":"TRADE_SUCCESS"})";

const std::string kNotExistNode =
    R"({"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_NOT_EXIST","sub_msg":"交易不存在",)"
    R"("buyer_pay_amount":"0.00","invoice_amount":"0.00","out_trade_no":"PN404","point_amount":"0.00",)"
    R"("receipt_amount":"0.00"})";

std::string answer(const std::string& node, const Poco::Crypto::RSAKey& key = alipayKeys().key) {
  return signedAnswer("alipay.trade.query", node, key);
}

using AlipayClientTest = AlipayClientFixture;

TEST_F(AlipayClientTest, TradeQuerySendsASignedFormAndReturnsTheTrade) {
  gateway_->reply([](const Params&) { return answer(kPaidNode); });
  const TradeQueryResult result = AlipayClient(config()).tradeQuery("PN1");
  EXPECT_EQ("TRADE_SUCCESS", result.tradeStatus);
  EXPECT_EQ(8888, result.totalFen);
  EXPECT_EQ("2024010222001424331234567890", result.tradeNo);
  EXPECT_EQ("PN1", result.outTradeNo);

  EXPECT_EQ("/gateway.do", gateway_->lastUri());
  EXPECT_EQ("application/x-www-form-urlencoded;charset=utf-8", gateway_->lastContentType());
  const Params sent = gateway_->lastRequest();
  EXPECT_TRUE(rsa2Verify(signContent(sent), sent.at("sign"), merchantKeys().key));
  EXPECT_EQ("2021000000000001", sent.at("app_id"));
  EXPECT_EQ("alipay.trade.query", sent.at("method"));
  EXPECT_EQ("JSON", sent.at("format"));
  EXPECT_EQ("utf-8", sent.at("charset"));
  EXPECT_EQ("RSA2", sent.at("sign_type"));
  EXPECT_EQ("1.0", sent.at("version"));
  EXPECT_EQ(19u, sent.at("timestamp").size());
  EXPECT_EQ(R"({"out_trade_no":"PN1"})", sent.at("biz_content"));
  EXPECT_EQ(9u, sent.size());
}

TEST_F(AlipayClientTest, BusinessFailuresCarryCodeAndSubCode) {
  gateway_->reply([](const Params&) { return answer(kNotExistNode); });
  try {
    AlipayClient(config()).tradeQuery("PN404");
    FAIL();
  } catch (const AlipayError& e) {
    EXPECT_EQ("alipay.trade.query failed: 40004 Business Failed (ACQ.TRADE_NOT_EXIST 交易不存在)",
              std::string(e.what()));
    EXPECT_EQ("40004", e.code());
    EXPECT_EQ("ACQ.TRADE_NOT_EXIST", e.subCode());
  }
}

TEST_F(AlipayClientTest, AWrongAnswerSignatureIsAnError) {
  gateway_->reply([](const Params&) { return answer(kPaidNode, merchantKeys().key); });
  EXPECT_EQ("alipay.trade.query: the answer's signature is wrong",
            errorOf([&] { AlipayClient(config()).tradeQuery("PN1"); }));
  // A genuine sign over another text.
  gateway_->reply([](const Params&) {
    std::string body = answer(kPaidNode);
    return body.replace(body.find("88.88"), 5, "99.99");
  });
  EXPECT_EQ("alipay.trade.query: the answer's signature is wrong",
            errorOf([&] { AlipayClient(config()).tradeQuery("PN1"); }));
  // A forged failure is not believed either.
  gateway_->reply([](const Params&) { return answer(kNotExistNode, merchantKeys().key); });
  try {
    AlipayClient(config()).tradeQuery("PN404");
    FAIL();
  } catch (const AlipayError& e) {
    EXPECT_EQ("alipay.trade.query: the answer's signature is wrong", std::string(e.what()));
    EXPECT_EQ("", e.code());
  }
}

TEST_F(AlipayClientTest, UnsignedAnswers) {
  gateway_->reply([](const Params&) {
    return std::string(R"({"error_response":{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-app-id",)"
                       R"("sub_msg":"无效的AppID参数"}})");
  });
  try {
    AlipayClient(config()).tradeQuery("PN1");
    FAIL();
  } catch (const AlipayError& e) {
    EXPECT_EQ(
        "alipay.trade.query failed (unsigned answer): 40002 Invalid Arguments (isv.invalid-app-id 无效的AppID参数)",
        std::string(e.what()));
    EXPECT_EQ("", e.code());
    EXPECT_EQ("", e.subCode());
  }
  gateway_->reply([](const Params&) { return R"({"alipay_trade_query_response":)" + kPaidNode + "}"; });
  EXPECT_EQ("alipay.trade.query: the answer is not signed", errorOf([&] { AlipayClient(config()).tradeQuery("PN1"); }));
}

TEST_F(AlipayClientTest, AnAnswerForAnotherOrderIsAnError) {
  gateway_->reply([](const Params&) { return answer(kPaidNode); });
  EXPECT_EQ("alipay.trade.query: the answer is for another order",
            errorOf([&] { AlipayClient(config()).tradeQuery("PN2"); }));
}

TEST_F(AlipayClientTest, AMalformedAmountIsAnError) {
  gateway_->reply([](const Params&) {
    std::string node = kPaidNode;
    return answer(node.replace(node.find("88.88"), 5, "88.888"));
  });
  EXPECT_EQ("alipay.trade.query: the answer's total_amount is not an amount in yuan",
            errorOf([&] { AlipayClient(config()).tradeQuery("PN1"); }));
}

TEST_F(AlipayClientTest, UnreadableAnswersAndHttpErrors) {
  gateway_->reply([](const Params&) { return std::string("<html>busy</html>"); });
  EXPECT_EQ(0u, errorOf([&] {
                  AlipayClient(config()).tradeQuery("PN1");
                }).find("alipay.trade.query: unreadable answer: not a JSON object: "));
  gateway_->reply([](const Params&) { return answer(kPaidNode); }, 502);
  EXPECT_EQ("alipay.trade.query: gateway answered HTTP 502",
            errorOf([&] { AlipayClient(config()).tradeQuery("PN1"); }));
}

TEST_F(AlipayClientTest, AnOversizedAnswerIsRefused) {
  gateway_->reply([](const Params&) { return answer(kPaidNode); });
  AlipayConfig c = config();
  c.maxResponseBytes = 100;
  EXPECT_EQ("alipay.trade.query: response larger than 100 bytes", errorOf([&] { AlipayClient(c).tradeQuery("PN1"); }));
}

TEST_F(AlipayClientTest, TheGatewayQueryIsKept) {
  gateway_->reply([](const Params&) { return answer(kPaidNode); });
  AlipayConfig c = config();
  c.gatewayUrl += "?charset=utf-8";
  AlipayClient(c).tradeQuery("PN1");
  EXPECT_EQ("/gateway.do?charset=utf-8", gateway_->lastUri());
}

TEST_F(AlipayClientTest, AnEmptyOutTradeNoIsRefusedBeforeSending) {
  EXPECT_EQ("alipay.trade.query: out_trade_no is required", errorOf([&] { AlipayClient(config()).tradeQuery(""); }));
  EXPECT_EQ("", gateway_->lastUri());
}

TEST(AlipayClientConfigTest, BadKeysAndUrlsAreClearErrors) {
  auto errorOf = [](const AlipayConfig& c) -> std::string {
    try {
      AlipayClient client(c);
    } catch (const AlipayError& e) {
      return e.what();
    }
    return "no error";
  };
  AlipayConfig c;
  c.appId = "2021000000000001";
  c.privateKey = merchantKeys().pkcs8Body;
  c.alipayPublicKey = alipayKeys().publicPem;
  EXPECT_EQ("no error", errorOf(c));
  c.privateKey = "MIIE...";
  EXPECT_EQ(
      "application private key: not an unencrypted RSA private key in PKCS#1 or PKCS#8 PEM, nor the base64 body of one",
      errorOf(c));
  c.privateKey = merchantKeys().pkcs8Pem;
  c.alipayPublicKey = "paste the Alipay public key here";
  EXPECT_EQ("Alipay public key: not an RSA public key in PEM (BEGIN PUBLIC KEY), nor the base64 body of one",
            errorOf(c));
  c.alipayPublicKey = alipayKeys().publicPem;
  c.gatewayUrl = "ftp://openapi.alipay.com/gateway.do";
  EXPECT_EQ("gateway URL must be http:// or https://, not 'ftp://openapi.alipay.com/gateway.do'", errorOf(c));
}

TEST(AlipayClientConfigTest, UnreachableGatewaysAreAlipayErrors) {
  // Port 1 on loopback: nothing listens, so the connection is refused at once.
  for (const std::string url : {"http://127.0.0.1:1/gateway.do", "https://127.0.0.1:1/gateway.do"}) {
    AlipayConfig c;
    c.appId = "2021000000000001";
    c.privateKey = merchantKeys().pkcs8Pem;
    c.alipayPublicKey = alipayKeys().publicPem;
    c.gatewayUrl = url;
    c.connectTimeoutMs = 1000;
    EXPECT_THROW(AlipayClient(c).tradeQuery("PN1"), AlipayError) << url;
  }
}

}  // namespace
}  // namespace paynext::core::payments::alipay
