#include "core/payments/wxpay/wxpay_v2_client.h"

#include <fstream>
#include <functional>
#include <iterator>
#include <mutex>
#include <set>

#include <gtest/gtest.h>

#include "core/payments/wxpay/wxpay_xml.h"
#include "tests/support/local_http_server.h"
#include "tests/support/test_certificates.h"
#include "tests/support/error_of.h"

namespace paynext::core::payments::wxpay {
namespace {

using paynext::testing::LocalHttpServer;
using paynext::testing::LocalReply;
using paynext::testing::LocalRequest;

const std::string kKey = "192006250b4c09247ec02edce69f6a2d";

// An in-process stand-in for the gateway: records each request and answers
// with whatever the test's reply function returns.
class FakeGateway {
 public:
  using Reply = std::function<std::string(const std::string& path, const Fields& request)>;

  FakeGateway()
      : server_([this](const LocalRequest& request) {
          std::lock_guard<std::mutex> lock(mutex_);
          return LocalReply{200, reply_(request.uri, parseXml(request.body)), "text/xml"};
        }) {}

  std::string baseUrl() const { return server_.url(""); }
  void reply(Reply reply) {
    std::lock_guard<std::mutex> lock(mutex_);
    reply_ = std::move(reply);
  }
  void forget() { server_.clear(); }
  std::string lastPath() const { return server_.last().uri; }
  Fields lastRequest() const {
    const std::string body = server_.last().body;
    return body.empty() ? Fields{} : parseXml(body);
  }

 private:
  std::mutex mutex_;
  Reply reply_;
  LocalHttpServer server_;
};

class WxpayV2ClientTest : public ::testing::TestWithParam<SignType> {
 protected:
  // One gateway for the suite: stopping a Poco HTTPServer takes a while.
  static void SetUpTestSuite() { gateway_ = new FakeGateway; }
  static void TearDownTestSuite() {
    delete gateway_;
    gateway_ = nullptr;
  }
  void SetUp() override { gateway_->forget(); }

  WxpayV2Config config() const {
    WxpayV2Config c;
    c.appId = "wxd930ea5d5a258f4f";
    c.mchId = "10000100";
    c.apiKey = kKey;
    c.signType = GetParam();
    c.gatewayBaseUrl = gateway_->baseUrl();
    c.timeoutMs = 2000;
    return c;
  }
  // A signed answer from the right merchant, with `extra` added.
  std::string answer(Fields extra, const std::string& key = kKey) const {
    Fields fields{{"return_code", "SUCCESS"}, {"return_msg", "OK"},    {"appid", "wxd930ea5d5a258f4f"},
                  {"mch_id", "10000100"},     {"nonce_str", "abc123"}, {"result_code", "SUCCESS"}};
    for (auto& [k, v] : extra) fields[k] = v;
    fields["sign"] = sign(fields, key, GetParam());
    return toXml(fields);
  }
  UnifiedOrderRequest order() const {
    UnifiedOrderRequest r;
    r.outTradeNo = "PN20240101000000abcd";
    r.body = "充值";
    r.totalFee = 101;
    r.notifyUrl = "http://127.0.0.1:8080/notify/wxpay/demo";
    r.tradeType = "JSAPI";
    r.openid = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";
    r.spbillCreateIp = "10.0.0.1";
    return r;
  }
  // config() with an API certificate (over http it is loaded, not presented).
  WxpayV2Config configWithCertificate() const {
    WxpayV2Config c = config();
    c.apiClientCertPem = readFile(certificates().certificate());
    c.apiClientKeyPem = readFile(certificates().privateKey());
    return c;
  }
  RefundRequest refund() const {
    RefundRequest r;
    r.outTradeNo = "PN1";
    r.outRefundNo = "RF1";
    r.totalFee = 101;
    r.refundFee = 50;
    r.refundDesc = "商品已售完";
    r.notifyUrl = "http://127.0.0.1:8080/notify/wxpay-refund/demo";
    return r;
  }
  static const paynext::testing::TestCertificates& certificates() {
    static const paynext::testing::TestCertificates certs;
    return certs;
  }
  static std::string readFile(const std::string& path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  static std::set<std::string> keys(const Fields& fields) {
    std::set<std::string> names;
    for (const auto& [name, value] : fields) names.insert(name);
    return names;
  }
  static std::string errorOf(const std::function<void()>& call) {
    return paynext::testing::errorOf<WxpayError>(call);
  }

  static FakeGateway* gateway_;
};

FakeGateway* WxpayV2ClientTest::gateway_ = nullptr;

TEST_P(WxpayV2ClientTest, UnifiedOrderSendsASignedRequestAndReturnsTheAnswer) {
  gateway_->reply([&](const std::string&, const Fields&) {
    return answer({{"prepay_id", "wx201410272009395522657a690389285100"}, {"trade_type", "JSAPI"}});
  });
  const Fields result = WxpayV2Client(config()).unifiedOrder(order());
  EXPECT_EQ("wx201410272009395522657a690389285100", result.at("prepay_id"));

  EXPECT_EQ("/pay/unifiedorder", gateway_->lastPath());
  const Fields sent = gateway_->lastRequest();
  EXPECT_TRUE(verify(sent, kKey, GetParam()));
  EXPECT_EQ(signTypeName(GetParam()), sent.at("sign_type"));
  EXPECT_EQ("wxd930ea5d5a258f4f", sent.at("appid"));
  EXPECT_EQ("10000100", sent.at("mch_id"));
  EXPECT_EQ("PN20240101000000abcd", sent.at("out_trade_no"));
  EXPECT_EQ("充值", sent.at("body"));
  EXPECT_EQ("101", sent.at("total_fee"));
  EXPECT_EQ("http://127.0.0.1:8080/notify/wxpay/demo", sent.at("notify_url"));
  EXPECT_EQ("JSAPI", sent.at("trade_type"));
  EXPECT_EQ("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", sent.at("openid"));
  EXPECT_EQ("10.0.0.1", sent.at("spbill_create_ip"));
  EXPECT_EQ(32u, sent.at("nonce_str").size());
}

TEST_P(WxpayV2ClientTest, OmitsAnEmptyOpenid) {
  gateway_->reply([&](const std::string&, const Fields&) { return answer({{"prepay_id", "wx1"}}); });
  UnifiedOrderRequest r = order();
  r.openid.clear();
  r.tradeType = "APP";
  WxpayV2Client(config()).unifiedOrder(r);
  EXPECT_EQ(0u, gateway_->lastRequest().count("openid"));
}

TEST_P(WxpayV2ClientTest, ReturnCodeFailIsAnError) {
  gateway_->reply([](const std::string&, const Fields&) {
    return toXml({{"return_code", "FAIL"}, {"return_msg", "签名错误"}});
  });
  EXPECT_EQ("unifiedorder refused: FAIL 签名错误", errorOf([&] { WxpayV2Client(config()).unifiedOrder(order()); }));
}

TEST_P(WxpayV2ClientTest, AnUnsignedRefusalIsShownAsAShortSanitisedExcerpt) {
  gateway_->reply([](const std::string&, const Fields&) {
    return toXml({{"return_code", "FAIL"}, {"return_msg", "bad\t\x7f" "internal " + std::string(300, 'x')}});
  });
  EXPECT_EQ("unifiedorder refused: FAIL bad??internal " + std::string(200 - 19, 'x'),
            errorOf([&] { WxpayV2Client(config()).unifiedOrder(order()); }));
}

TEST_P(WxpayV2ClientTest, ResultCodeFailCarriesTheErrCode) {
  gateway_->reply([&](const std::string&, const Fields&) {
    return answer({{"result_code", "FAIL"}, {"err_code", "ORDERPAID"}, {"err_code_des", "该订单已支付"}});
  });
  try {
    WxpayV2Client(config()).unifiedOrder(order());
    FAIL();
  } catch (const WxpayError& e) {
    EXPECT_EQ("ORDERPAID", e.errCode());
    EXPECT_EQ("unifiedorder failed: ORDERPAID 该订单已支付", std::string(e.what()));
  }
}

TEST_P(WxpayV2ClientTest, AWrongAnswerSignatureIsAnError) {
  gateway_->reply([&](const std::string&, const Fields&) { return answer({{"prepay_id", "wx1"}}, "otherkey"); });
  EXPECT_EQ("unifiedorder: the answer's signature is wrong",
            errorOf([&] { WxpayV2Client(config()).unifiedOrder(order()); }));
}

TEST_P(WxpayV2ClientTest, AnAnswerForAnotherMerchantIsAnError) {
  gateway_->reply([&](const std::string&, const Fields&) { return answer({{"prepay_id", "wx1"}, {"mch_id", "1"}}); });
  EXPECT_EQ("unifiedorder: the answer is for another merchant",
            errorOf([&] { WxpayV2Client(config()).unifiedOrder(order()); }));
}

TEST_P(WxpayV2ClientTest, AnUnreadableAnswerIsAnError) {
  gateway_->reply([](const std::string&, const Fields&) { return std::string("<html>busy</html>"); });
  EXPECT_EQ("unifiedorder: unreadable answer: the root element is <html>, not <xml>",
            errorOf([&] { WxpayV2Client(config()).unifiedOrder(order()); }));
}

TEST_P(WxpayV2ClientTest, AnOversizedAnswerIsRefused) {
  gateway_->reply([&](const std::string&, const Fields&) { return answer({{"prepay_id", std::string(2000, 'x')}}); });
  WxpayV2Config c = config();
  c.maxResponseBytes = 1000;
  EXPECT_EQ("unifiedorder: response larger than 1000 bytes", errorOf([&] { WxpayV2Client(c).unifiedOrder(order()); }));
}

TEST_P(WxpayV2ClientTest, BadRequestsAreRefusedBeforeSending) {
  UnifiedOrderRequest r = order();
  r.totalFee = 0;
  EXPECT_EQ("unifiedorder: total_fee must be a positive number of fen",
            errorOf([&] { WxpayV2Client(config()).unifiedOrder(r); }));
  EXPECT_EQ("", gateway_->lastPath());
}

TEST_P(WxpayV2ClientTest, OrderQuery) {
  gateway_->reply([&](const std::string&, const Fields&) {
    return answer({{"trade_state", "SUCCESS"}, {"out_trade_no", "PN1"}, {"total_fee", "101"}});
  });
  const Fields result = WxpayV2Client(config()).orderQuery("PN1");
  EXPECT_EQ("SUCCESS", result.at("trade_state"));
  EXPECT_EQ("/pay/orderquery", gateway_->lastPath());
  const Fields sent = gateway_->lastRequest();
  EXPECT_TRUE(verify(sent, kKey, GetParam()));
  EXPECT_EQ("PN1", sent.at("out_trade_no"));
}

TEST_P(WxpayV2ClientTest, OrderQueryOfAnUnknownOrder) {
  gateway_->reply([&](const std::string&, const Fields&) {
    return answer({{"result_code", "FAIL"}, {"err_code", "ORDERNOTEXIST"}, {"err_code_des", "order not exist"}});
  });
  try {
    WxpayV2Client(config()).orderQuery("PN404");
    FAIL();
  } catch (const WxpayError& e) {
    EXPECT_EQ("ORDERNOTEXIST", e.errCode());
  }
}

TEST_P(WxpayV2ClientTest, BaseUrlPathPrefixIsKept) {
  gateway_->reply([&](const std::string&, const Fields&) { return answer({{"trade_state", "NOTPAY"}}); });
  WxpayV2Config c = config();
  c.gatewayBaseUrl += "/sandboxnew/";
  WxpayV2Client(c).orderQuery("PN1");
  EXPECT_EQ("/sandboxnew/pay/orderquery", gateway_->lastPath());
}

TEST_P(WxpayV2ClientTest, CloseOrder) {
  gateway_->reply([&](const std::string&, const Fields&) { return answer({{"result_msg", "OK"}}); });
  WxpayV2Client(config()).closeOrder("PN1");
  EXPECT_EQ("/pay/closeorder", gateway_->lastPath());
  const Fields sent = gateway_->lastRequest();
  EXPECT_TRUE(verify(sent, kKey, GetParam()));
  EXPECT_EQ((std::set<std::string>{"appid", "mch_id", "nonce_str", "out_trade_no", "sign", "sign_type"}), keys(sent));
  EXPECT_EQ("PN1", sent.at("out_trade_no"));
}

TEST_P(WxpayV2ClientTest, CloseOrderTellsPaidFromClosed) {
  for (const std::string code : {"ORDERPAID", "ORDERCLOSED"}) {
    gateway_->reply([&](const std::string&, const Fields&) {
      return answer({{"result_code", "FAIL"}, {"err_code", code}, {"err_code_des", "x"}});
    });
    try {
      WxpayV2Client(config()).closeOrder("PN1");
      FAIL() << code;
    } catch (const WxpayError& e) {
      EXPECT_EQ(code, e.errCode());
      EXPECT_EQ("closeorder failed: " + code + " x", std::string(e.what()));
    }
  }
}

TEST_P(WxpayV2ClientTest, RefundSendsTheDocumentedFields) {
  gateway_->reply([&](const std::string&, const Fields&) {
    return answer({{"out_trade_no", "PN1"}, {"out_refund_no", "RF1"}, {"refund_id", "50000000001"},
                   {"refund_fee", "50"}, {"total_fee", "101"}, {"cash_fee", "101"}});
  });
  const Fields result = WxpayV2Client(configWithCertificate()).refund(refund());
  EXPECT_EQ("50000000001", result.at("refund_id"));
  EXPECT_EQ("/secapi/pay/refund", gateway_->lastPath());
  const Fields sent = gateway_->lastRequest();
  EXPECT_TRUE(verify(sent, kKey, GetParam()));
  EXPECT_EQ((std::set<std::string>{"appid", "mch_id", "nonce_str", "notify_url", "out_refund_no", "out_trade_no",
                                   "refund_desc", "refund_fee", "sign", "sign_type", "total_fee"}),
            keys(sent));
  EXPECT_EQ("PN1", sent.at("out_trade_no"));
  EXPECT_EQ("RF1", sent.at("out_refund_no"));
  EXPECT_EQ("101", sent.at("total_fee"));
  EXPECT_EQ("50", sent.at("refund_fee"));
  EXPECT_EQ("商品已售完", sent.at("refund_desc"));
  EXPECT_EQ("http://127.0.0.1:8080/notify/wxpay-refund/demo", sent.at("notify_url"));
}

TEST_P(WxpayV2ClientTest, RefundOmitsEmptyOptionalFields) {
  gateway_->reply([&](const std::string&, const Fields&) { return answer({{"refund_id", "5"}}); });
  RefundRequest r = refund();
  r.refundDesc.clear();
  r.notifyUrl.clear();
  WxpayV2Client(configWithCertificate()).refund(r);
  EXPECT_EQ(0u, gateway_->lastRequest().count("refund_desc"));
  EXPECT_EQ(0u, gateway_->lastRequest().count("notify_url"));
}

TEST_P(WxpayV2ClientTest, RefundFailureCarriesTheErrCode) {
  gateway_->reply([&](const std::string&, const Fields&) {
    return answer({{"result_code", "FAIL"}, {"err_code", "NOTENOUGH"}, {"err_code_des", "基本账户余额不足"}});
  });
  try {
    WxpayV2Client(configWithCertificate()).refund(refund());
    FAIL();
  } catch (const WxpayError& e) {
    EXPECT_EQ("NOTENOUGH", e.errCode());
    EXPECT_EQ("refund failed: NOTENOUGH 基本账户余额不足", std::string(e.what()));
  }
}

TEST_P(WxpayV2ClientTest, RefundWithoutTheCertificateIsRefusedBeforeAnyConnection) {
  EXPECT_EQ("refund: the merchant's API certificate (apiclient_cert and its key) is not configured",
            errorOf([&] { WxpayV2Client(config()).refund(refund()); }));
  WxpayV2Config c = configWithCertificate();
  c.apiClientKeyPem.clear();
  EXPECT_EQ("refund: the merchant's API certificate (apiclient_cert and its key) is not configured",
            errorOf([&] { WxpayV2Client(c).refund(refund()); }));
  EXPECT_EQ("", gateway_->lastPath());
}

TEST_P(WxpayV2ClientTest, BadRefundsAreRefusedBeforeSending) {
  RefundRequest r = refund();
  r.refundFee = 102;
  EXPECT_EQ("refund: refund_fee must be a positive number of fen, at most total_fee",
            errorOf([&] { WxpayV2Client(configWithCertificate()).refund(r); }));
  r = refund();
  r.refundFee = 0;
  EXPECT_EQ("refund: refund_fee must be a positive number of fen, at most total_fee",
            errorOf([&] { WxpayV2Client(configWithCertificate()).refund(r); }));
  r = refund();
  r.outRefundNo.clear();
  EXPECT_EQ("refund: out_trade_no and out_refund_no are required",
            errorOf([&] { WxpayV2Client(configWithCertificate()).refund(r); }));
  EXPECT_EQ("", gateway_->lastPath());
}

TEST_P(WxpayV2ClientTest, AnUnreadableCertificateIsRefusedWithoutQuotingIt) {
  WxpayV2Config c = configWithCertificate();
  c.apiClientKeyPem = "-----BEGIN PRIVATE KEY-----\nsecretsecret\n-----END PRIVATE KEY-----\n";
  EXPECT_EQ("refund: client certificate: the private key is not readable PEM (an unencrypted RSA key)",
            errorOf([&] { WxpayV2Client(c).refund(refund()); }));
  EXPECT_EQ("", gateway_->lastPath());
  c = configWithCertificate();
  c.apiClientCertPem = "not a certificate";
  EXPECT_EQ("refund: client certificate: the certificate is not readable PEM",
            errorOf([&] { WxpayV2Client(c).refund(refund()); }));
  EXPECT_EQ("", gateway_->lastPath());
}

TEST_P(WxpayV2ClientTest, RefundQuery) {
  gateway_->reply([&](const std::string&, const Fields&) {
    return answer({{"out_trade_no", "PN1"}, {"refund_count", "1"}, {"out_refund_no_0", "RF1"},
                   {"refund_id_0", "5"}, {"refund_fee_0", "50"}, {"refund_status_0", "PROCESSING"}});
  });
  const Fields result = WxpayV2Client(config()).refundQuery("RF1");
  EXPECT_EQ("PROCESSING", result.at("refund_status_0"));
  EXPECT_EQ("50", result.at("refund_fee_0"));
  EXPECT_EQ("/pay/refundquery", gateway_->lastPath());
  const Fields sent = gateway_->lastRequest();
  EXPECT_TRUE(verify(sent, kKey, GetParam()));
  EXPECT_EQ((std::set<std::string>{"appid", "mch_id", "nonce_str", "out_refund_no", "sign", "sign_type"}), keys(sent));
  EXPECT_EQ("RF1", sent.at("out_refund_no"));
}

TEST_P(WxpayV2ClientTest, RefundQueryOfAnUnknownRefund) {
  gateway_->reply([&](const std::string&, const Fields&) {
    return answer({{"result_code", "FAIL"}, {"err_code", "REFUNDNOTEXIST"}, {"err_code_des", "not exist"}});
  });
  try {
    WxpayV2Client(config()).refundQuery("RF404");
    FAIL();
  } catch (const WxpayError& e) {
    EXPECT_EQ("REFUNDNOTEXIST", e.errCode());
  }
}

INSTANTIATE_TEST_SUITE_P(SignTypes, WxpayV2ClientTest, ::testing::Values(SignType::Md5, SignType::HmacSha256),
                         [](const auto& info) { return info.param == SignType::Md5 ? "Md5" : "HmacSha256"; });

TEST(WxpayV2ClientConfigTest, RefusesNonHttpUrls) {
  WxpayV2Config c;
  c.gatewayBaseUrl = "ftp://example.com";
  EXPECT_THROW(WxpayV2Client{c}, WxpayError);
  c.gatewayBaseUrl = "not a url";
  EXPECT_THROW(WxpayV2Client{c}, WxpayError);
}

TEST(WxpayV2ClientConfigTest, UnreachableGatewaysAreWxpayErrors) {
  // Port 1 on loopback: nothing listens, so the connection is refused at once.
  for (const std::string url : {"http://127.0.0.1:1", "https://127.0.0.1:1"}) {
    WxpayV2Config c;
    c.appId = "wx1";
    c.mchId = "1";
    c.apiKey = "k";
    c.gatewayBaseUrl = url;
    c.connectTimeoutMs = 1000;
    EXPECT_THROW(WxpayV2Client(c).orderQuery("PN1"), WxpayError) << url;
  }
}

}  // namespace
}  // namespace paynext::core::payments::wxpay
