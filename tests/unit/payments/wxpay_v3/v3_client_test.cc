#include "core/payments/wxpay_v3/v3_client.h"

#include <functional>
#include <mutex>

#include <Poco/JSON/Object.h>
#include <gtest/gtest.h>

#include "core/payments/wxpay_v3/v3_json.h"
#include "core/payments/wxpay_v3/v3_rsa_signature.h"
#include "tests/support/local_http_server.h"
#include "tests/unit/payments/wxpay_v3/v3_test_keys.h"

namespace paynext::core::payments::wxpay_v3 {
namespace {

using paynext::testing::LocalHttpServer;
using paynext::testing::LocalReply;
using paynext::testing::LocalRequest;

using testing::merchantKey;
using testing::opensslVerifiesSha256WithRsa;
using testing::platformKey;
using testing::publicPem;

const std::string kAppId = "wxd678efh567hg6787";
const std::string kMchId = "1230000109";
const std::string kMerchantSerial = "444F4864EA9B34415D2AFE1C1F8E4C4D3F2E0A11";
const std::string kPlatformSerial = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";

struct Received {
  std::string method;
  std::string uri;
  std::string authorization;
  std::string contentType;
  std::string userAgent;
  std::string body;
};

struct Reply {
  int status = 200;
  std::string body;
  bool sign = true;
  const Poco::Crypto::RSAKey* key = &platformKey();
};

// An in-process stand-in for api.mch.weixin.qq.com: records each request and
// answers with what the test's function returns, signed like the platform.
class FakeV3Gateway {
 public:
  using Responder = std::function<Reply(const Received&)>;

  FakeV3Gateway()
      : server_([this](const LocalRequest& request) {
          Received received{request.method,          request.uri,
                            request.header("Authorization"), request.header("Content-Type"),
                            request.header("User-Agent"), request.body};
          Reply reply;
          {
            std::lock_guard<std::mutex> lock(mutex_);
            reply = responder_(received);
          }
          LocalReply out{reply.status, reply.body};
          if (reply.sign) {
            const std::string timestamp = std::to_string(nowEpochSeconds());
            const std::string nonce = newNonce();
            out.headers = {{"Wechatpay-Timestamp", timestamp},
                           {"Wechatpay-Nonce", nonce},
                           {"Wechatpay-Serial", kPlatformSerial},
                           {"Wechatpay-Signature",
                            signSha256WithRsa(*reply.key, responseSignMessage(timestamp, nonce, reply.body))}};
          }
          return out;
        }) {}

  std::string baseUrl() const { return server_.url(""); }
  void respond(Responder responder) {
    std::lock_guard<std::mutex> lock(mutex_);
    responder_ = std::move(responder);
    server_.clear();
  }
  Received last() const {
    const LocalRequest r = server_.last();
    return Received{r.method, r.uri, r.header("Authorization"), r.header("Content-Type"), r.header("User-Agent"),
                    r.body};
  }

 private:
  std::mutex mutex_;
  Responder responder_;
  LocalHttpServer server_;
};

std::string paidTransaction(const std::string& outTradeNo, const std::string& mchId = kMchId) {
  return R"({"transaction_id":"4200000001201806080000000001","amount":{"total":100,"currency":"CNY"},"mchid":")" +
         mchId + R"(","trade_state":"SUCCESS","success_time":"2018-06-08T10:34:56+08:00","out_trade_no":")" +
         outTradeNo + R"(","appid":"wxd678efh567hg6787","trade_state_desc":"支付成功","trade_type":"JSAPI"})";
}

class WxpayV3ClientTest : public ::testing::Test {
 protected:
  // One gateway for the suite: stopping a Poco HTTPServer takes a while.
  static void SetUpTestSuite() { gateway_ = new FakeV3Gateway; }
  static void TearDownTestSuite() {
    delete gateway_;
    gateway_ = nullptr;
  }

  WxpayV3Client client(const std::string& baseUrl = gateway_->baseUrl()) const {
    WxpayV3Config c;
    c.appId = kAppId;
    c.gatewayBaseUrl = baseUrl;
    c.timeoutMs = 2000;
    c.maxResponseBytes = 4096;
    return WxpayV3Client(c, V3RequestSigner(kMchId, kMerchantSerial, merchantKey()),
                         V3ResponseVerifier(kPlatformSerial, platformKey()));
  }
  V3PrepayRequest order() const {
    V3PrepayRequest r;
    r.description = "Image形象店-深圳腾大-QQ公仔";
    r.outTradeNo = "1217752501201407033233368018";
    r.notifyUrl = "https://www.weixin.qq.com/wxpay/pay.php";
    r.totalFen = 100;
    r.payerOpenid = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";
    return r;
  }
  // The request carried a merchant signature over exactly what was sent.
  static void expectSignedByMerchant(const Received& r) {
    const auto field = [&](const std::string& name) {
      const auto start = r.authorization.find(name + "=\"");
      if (start == std::string::npos) return std::string();
      const auto from = start + name.size() + 2;
      return r.authorization.substr(from, r.authorization.find('"', from) - from);
    };
    EXPECT_EQ(0u, r.authorization.find("WECHATPAY2-SHA256-RSA2048 mchid=\"1230000109\","));
    EXPECT_EQ(kMerchantSerial, field("serial_no"));
    const std::string message =
        r.method + "\n" + r.uri + "\n" + field("timestamp") + "\n" + field("nonce_str") + "\n" + r.body + "\n";
    EXPECT_TRUE(opensslVerifiesSha256WithRsa(publicPem(merchantKey()), message, field("signature")));
  }
  static std::string errorOf(const std::function<void()>& call, std::string* code = nullptr) {
    try {
      call();
    } catch (const WxpayV3Error& e) {
      if (code) *code = e.code();
      return e.what();
    }
    return "no error";
  }

  static FakeV3Gateway* gateway_;
};

FakeV3Gateway* WxpayV3ClientTest::gateway_ = nullptr;

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
