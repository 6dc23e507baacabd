#include "core/payments/wxpay_v3/v3_client.h"

#include <functional>

#include <Poco/JSON/Object.h>
#include <Poco/Net/ServerSocket.h>
#include <gtest/gtest.h>

#include "core/payments/wxpay_v3/v3_json.h"
#include "tests/unit/payments/wxpay_v3/v3_client_fixture.h"

namespace paynext::core::payments::wxpay_v3 {
namespace {

std::string paidTransaction(const std::string& outTradeNo, const std::string& mchId = kMchId) {
  return R"({"transaction_id":"4200000001201806080000000001","amount":{"total":100,"currency":"CNY"},"mchid":")" +
         mchId + R"(","trade_state":"SUCCESS","success_time":"2018-06-08T10:34:56+08:00","out_trade_no":")" +
         outTradeNo + R"(","appid":"wxd678efh567hg6787","trade_state_desc":"支付成功","trade_type":"JSAPI"})";
}

class WxpayV3ClientTest : public WxpayV3ClientFixture {
 protected:
  V3PrepayRequest order() const {
    V3PrepayRequest r;
    r.description = "Image形象店-深圳腾大-QQ公仔";
    r.outTradeNo = "1217752501201407033233368018";
    r.notifyUrl = "https://www.weixin.qq.com/wxpay/pay.php";
    r.totalFen = 100;
    r.payerOpenid = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";
    return r;
  }
};


TEST_F(WxpayV3ClientTest, JsapiPrepaySendsASignedRequest) {
  gateway_->respond([](const Received&) {
    return Reply{200, R"({"prepay_id":"wx26112221580621e9b071c00d9e093b0000"})"};
  });
  EXPECT_EQ("wx26112221580621e9b071c00d9e093b0000", client().jsapiPrepay(order()));

  const Received r = gateway_->last();
  EXPECT_EQ("POST", r.method);
  EXPECT_EQ("/v3/pay/transactions/jsapi", r.uri);
  EXPECT_EQ("application/json", r.contentType);
  EXPECT_FALSE(r.userAgent.empty());
  expectSignedByMerchant(r);
  const auto body = parseJsonObject(r.body, "request");
  EXPECT_EQ(kAppId, requiredString(*body, "appid", "request"));
  EXPECT_EQ(kMchId, requiredString(*body, "mchid", "request"));
  EXPECT_EQ("Image形象店-深圳腾大-QQ公仔", requiredString(*body, "description", "request"));
  EXPECT_EQ("1217752501201407033233368018", requiredString(*body, "out_trade_no", "request"));
  EXPECT_EQ("https://www.weixin.qq.com/wxpay/pay.php", requiredString(*body, "notify_url", "request"));
  EXPECT_EQ(100, optionalInteger(*body->getObject("amount"), "total", "request"));
  EXPECT_EQ("CNY", requiredString(*body->getObject("amount"), "currency", "request"));
  EXPECT_EQ("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", requiredString(*body->getObject("payer"), "openid", "request"));
}

TEST_F(WxpayV3ClientTest, AppPrepayHasNoPayer) {
  gateway_->respond([](const Received&) { return Reply{200, R"({"prepay_id":"wx2611"})"}; });
  V3PrepayRequest request = order();
  request.payerOpenid.clear();
  EXPECT_EQ("wx2611", client().appPrepay(request));
  const Received r = gateway_->last();
  EXPECT_EQ("/v3/pay/transactions/app", r.uri);
  expectSignedByMerchant(r);
  EXPECT_FALSE(parseJsonObject(r.body, "request")->has("payer"));
}

TEST_F(WxpayV3ClientTest, BadRequestsAreRefusedBeforeSending) {
  gateway_->respond([](const Received&) { return Reply{500, ""}; });
  V3PrepayRequest noOpenid = order();
  noOpenid.payerOpenid.clear();
  EXPECT_EQ("jsapi: payer openid is required", errorOf([&] { client().jsapiPrepay(noOpenid); }));
  V3PrepayRequest free = order();
  free.totalFen = 0;
  EXPECT_EQ("app: amount.total must be a positive number of fen", errorOf([&] { client().appPrepay(free); }));
  V3PrepayRequest noUrl = order();
  noUrl.notifyUrl.clear();
  EXPECT_EQ("jsapi: description, out_trade_no and notify_url are required",
            errorOf([&] { client().jsapiPrepay(noUrl); }));
  EXPECT_EQ("query: out_trade_no is required", errorOf([&] { client().queryByOutTradeNo(""); }));
  EXPECT_EQ("", gateway_->last().uri);
  EXPECT_EQ("gateway URL must be http:// or https://, not 'ftp://x'", errorOf([&] { client("ftp://x"); }));
}

TEST_F(WxpayV3ClientTest, QueryByOutTradeNo) {
  gateway_->respond([](const Received&) { return Reply{200, paidTransaction("PN20180608abc")}; });
  const V3Transaction t = client().queryByOutTradeNo("PN20180608abc");
  EXPECT_EQ("SUCCESS", t.tradeState);
  EXPECT_EQ(100, t.totalFen);
  EXPECT_EQ("4200000001201806080000000001", t.transactionId);
  const Received r = gateway_->last();
  EXPECT_EQ("GET", r.method);
  EXPECT_EQ("/v3/pay/transactions/out-trade-no/PN20180608abc?mchid=1230000109", r.uri);
  EXPECT_EQ("", r.body);
  expectSignedByMerchant(r);
}

TEST_F(WxpayV3ClientTest, QueryEncodesTheOrderNumber) {
  gateway_->respond([](const Received&) { return Reply{200, paidTransaction("PN|1*2")}; });
  EXPECT_EQ("PN|1*2", client().queryByOutTradeNo("PN|1*2").outTradeNo);
  EXPECT_EQ("/v3/pay/transactions/out-trade-no/PN%7C1%2A2?mchid=1230000109", gateway_->last().uri);
  expectSignedByMerchant(gateway_->last());
}

TEST_F(WxpayV3ClientTest, QueryOfAnUnknownOrderCarriesTheSignedCode) {
  gateway_->respond([](const Received&) { return Reply{404, R"({"code":"ORDER_NOT_EXIST","message":"订单不存在"})"}; });
  std::string code;
  EXPECT_EQ("query failed: HTTP 404 ORDER_NOT_EXIST 订单不存在",
            errorOf([&] { client().queryByOutTradeNo("PN404"); }, &code));
  EXPECT_EQ("ORDER_NOT_EXIST", code);
}

TEST_F(WxpayV3ClientTest, AnUnsignedErrorCarriesNoCode) {
  gateway_->respond([](const Received&) {
    return Reply{404, R"({"code":"ORDER_NOT_EXIST","message":"订单不存在"})", false};
  });
  std::string code = "unset";
  EXPECT_EQ("query failed: HTTP 404 ORDER_NOT_EXIST (no valid platform signature)",
            errorOf([&] { client().queryByOutTradeNo("PN404"); }, &code));
  EXPECT_EQ("", code);
  gateway_->respond([](const Received&) { return Reply{401, R"({"code":"SIGN_ERROR","message":"签名错误"})", false}; });
  EXPECT_EQ("jsapi failed: HTTP 401 SIGN_ERROR (no valid platform signature)",
            errorOf([&] { client().jsapiPrepay(order()); }));
  gateway_->respond([](const Received&) { return Reply{502, "<html>bad gateway</html>", false}; });
  EXPECT_EQ("jsapi failed: HTTP 502 (no valid platform signature)", errorOf([&] { client().jsapiPrepay(order()); }));
}

TEST_F(WxpayV3ClientTest, AnAnswerWithoutAValidPlatformSignatureIsRefused) {
  gateway_->respond([](const Received&) { return Reply{200, R"({"prepay_id":"wx1"})", true, &merchantKey()}; });
  EXPECT_EQ("jsapi: the answer's signature is not valid: Wechatpay-Signature does not verify",
            errorOf([&] { client().jsapiPrepay(order()); }));
  gateway_->respond([](const Received&) { return Reply{200, R"({"prepay_id":"wx1"})", false}; });
  EXPECT_EQ("jsapi: the answer's signature is not valid: missing Wechatpay-Serial header",
            errorOf([&] { client().jsapiPrepay(order()); }));
}

TEST_F(WxpayV3ClientTest, AnAnswerForAnotherMerchantOrOrderIsRefused) {
  gateway_->respond([](const Received&) { return Reply{200, paidTransaction("PN1", "1900000001")}; });
  EXPECT_EQ("query: the answer is for another merchant", errorOf([&] { client().queryByOutTradeNo("PN1"); }));
  gateway_->respond([](const Received&) { return Reply{200, paidTransaction("PN2")}; });
  EXPECT_EQ("query: the answer is for another order", errorOf([&] { client().queryByOutTradeNo("PN1"); }));
  gateway_->respond([](const Received&) { return Reply{200, R"({"prepay_id":7})"}; });
  EXPECT_EQ("jsapi answer has no string 'prepay_id'", errorOf([&] { client().jsapiPrepay(order()); }));
}

TEST_F(WxpayV3ClientTest, AnOversizedAnswerIsRefused) {
  gateway_->respond([](const Received&) { return Reply{200, std::string(5000, ' ')}; });
  EXPECT_EQ("jsapi: response larger than 4096 bytes", errorOf([&] { client().jsapiPrepay(order()); }));
}

TEST_F(WxpayV3ClientTest, BaseUrlPathPrefixIsKeptAndSigned) {
  gateway_->respond([](const Received&) { return Reply{200, R"({"prepay_id":"wx1"})"}; });
  EXPECT_EQ("wx1", client(gateway_->baseUrl() + "/sim/wxpay/").jsapiPrepay(order()));
  EXPECT_EQ("/sim/wxpay/v3/pay/transactions/jsapi", gateway_->last().uri);
  expectSignedByMerchant(gateway_->last());
}

TEST_F(WxpayV3ClientTest, AnUnreachableGatewayIsAnError) {
  std::string port;
  {
    Poco::Net::ServerSocket closed(Poco::Net::SocketAddress("127.0.0.1", 0));
    port = std::to_string(closed.address().port());
  }
  const std::string error = errorOf([&] { client("http://127.0.0.1:" + port).jsapiPrepay(order()); });
  EXPECT_EQ(0u, error.find("jsapi: ")) << error;
}

}  // namespace
}  // namespace paynext::core::payments::wxpay_v3
