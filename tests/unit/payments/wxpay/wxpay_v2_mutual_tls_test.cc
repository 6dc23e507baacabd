// The refund's mutual TLS against a real TLS server that requires a client
// certificate: the configured API certificate is presented, and a kept-alive
// connection made with one certificate serves no other call.
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/SecureServerSocket.h>

#include "core/net/gateway_session.h"
#include "core/payments/wxpay/wxpay_v2_client.h"
#include "core/payments/wxpay/wxpay_xml.h"
#include "tests/support/local_http_server.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_certificates.h"

namespace paynext::core::payments::wxpay {
namespace {

using paynext::testing::LocalHttpServer;
using paynext::testing::LocalReply;
using paynext::testing::LocalRequest;
using paynext::testing::TestCertificates;

const std::string kKey = "192006250b4c09247ec02edce69f6a2d";

std::string readFile(const std::string& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Answers every call as the merchant that made it, signed.
LocalReply signedAnswer(const LocalRequest& request) {
  const Fields sent = parseXml(request.body);
  Fields fields{{"return_code", "SUCCESS"}, {"result_code", "SUCCESS"},    {"appid", sent.at("appid")},
                {"mch_id", sent.at("mch_id")}, {"nonce_str", "abc"},        {"refund_id", "50000000001"},
                {"trade_state", "NOTPAY"}};
  fields["sign"] = sign(fields, kKey, SignType::Md5);
  return LocalReply{200, toXml(fields), "text/xml"};
}

class WxpayV2MutualTlsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestCertificates;
    merchantA_ = new TestCertificates("merchant A", "DNS:a.example");
    merchantB_ = new TestCertificates("merchant B", "DNS:b.example");
    // The client verifies the server against its CA; the server accepts the
    // client certificates of A's CA only, or of both CAs.
    core::net::setGatewayCaFile(server_->ca());
    dir_ = new paynext::testing::TempDir;
    std::ofstream(dir_->file("both.pem")) << readFile(merchantA_->ca()) << readFile(merchantB_->ca());
  }
  static void TearDownTestSuite() {
    core::net::setGatewayCaFile("");  // the file goes with server_
    delete dir_;
    delete merchantB_;
    delete merchantA_;
    delete server_;
  }

  // An HTTPS server that requires a client certificate issued by caFile.
  static std::unique_ptr<LocalHttpServer> gateway(const std::string& clientCaFile) {
    Poco::Net::Context::Ptr context =
        new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, server_->privateKey(), server_->certificate(),
                               clientCaFile, Poco::Net::Context::VERIFY_STRICT);
    // Poco would match the client certificate's name against the client's
    // address; WeChat checks only that it is the merchant's.
    context->enableExtendedCertificateVerification(false);
    return std::make_unique<LocalHttpServer>(
        signedAnswer, Poco::Net::SecureServerSocket(Poco::Net::SocketAddress("127.0.0.1", 0), 64, context));
  }
  static WxpayV2Config config(const LocalHttpServer& gateway, const std::string& mchId,
                              const TestCertificates* certificate) {
    WxpayV2Config c;
    c.appId = "wxd930ea5d5a258f4f";
    c.mchId = mchId;
    c.apiKey = kKey;
    c.gatewayBaseUrl = "https://127.0.0.1:" + std::to_string(gateway.port());
    c.timeoutMs = 3000;
    if (certificate) {
      c.apiClientCertPem = readFile(certificate->certificate());
      c.apiClientKeyPem = readFile(certificate->privateKey());
    }
    return c;
  }
  static RefundRequest refund() {
    RefundRequest r;
    r.outTradeNo = "PN1";
    r.outRefundNo = "RF1";
    r.totalFee = 101;
    r.refundFee = 50;
    return r;
  }

  static TestCertificates* server_;
  static TestCertificates* merchantA_;
  static TestCertificates* merchantB_;
  static paynext::testing::TempDir* dir_;
};

TestCertificates* WxpayV2MutualTlsTest::server_ = nullptr;
TestCertificates* WxpayV2MutualTlsTest::merchantA_ = nullptr;
TestCertificates* WxpayV2MutualTlsTest::merchantB_ = nullptr;
paynext::testing::TempDir* WxpayV2MutualTlsTest::dir_ = nullptr;

TEST_F(WxpayV2MutualTlsTest, TheRefundPresentsTheConfiguredCertificate) {
  auto server = gateway(merchantA_->ca());
  EXPECT_EQ("50000000001", WxpayV2Client(config(*server, "10000100", merchantA_)).refund(refund()).at("refund_id"));
  EXPECT_EQ("/secapi/pay/refund", server->last().uri);

  // B's certificate is not one the server accepts: the handshake fails, nothing is answered.
  server->clear();
  EXPECT_THROW(WxpayV2Client(config(*server, "10000200", merchantB_)).refund(refund()), WxpayError);
  EXPECT_EQ("", server->last().uri);
}

TEST_F(WxpayV2MutualTlsTest, ACallWithoutTheCertificateIsRefusedBeforeAnyConnection) {
  auto server = gateway(merchantA_->ca());
  EXPECT_THROW(WxpayV2Client(config(*server, "10000100", nullptr)).refund(refund()), WxpayError);
  EXPECT_TRUE(server->requests().empty());
}

TEST_F(WxpayV2MutualTlsTest, KeptConnectionsAreNeverSharedBetweenCertificates) {
  auto server = gateway(dir_->file("both.pem"));
  const WxpayV2Client a(config(*server, "10000100", merchantA_));
  const WxpayV2Client b(config(*server, "10000200", merchantB_));
  a.refund(refund());
  const std::string connectionOfA = server->last().peer;
  b.refund(refund());
  EXPECT_NE(connectionOfA, server->last().peer);  // B did not get A's idle connection
  a.refund(refund());
  EXPECT_EQ(connectionOfA, server->last().peer);  // A's own connection is reused

  // A call without a certificate (orderquery) does not get A's idle
  // connection either: on a new one, this server refuses it.
  server->clear();
  EXPECT_THROW(a.orderQuery("PN1"), WxpayError);
  EXPECT_TRUE(server->requests().empty());
}

TEST_F(WxpayV2MutualTlsTest, TheOutboundPolicyStillApplies) {
  auto server = gateway(merchantA_->ca());
  WxpayV2Config c = config(*server, "10000100", merchantA_);
  c.gatewayBaseUrl = "https://10.1.2.3:" + std::to_string(server->port());  // private, not allow-listed
  try {
    WxpayV2Client(c).refund(refund());
    FAIL();
  } catch (const WxpayError& e) {
    EXPECT_NE(std::string::npos, std::string(e.what()).find("refund: 出站地址 10.1.2.3 不允许")) << e.what();
  }
}

TEST_F(WxpayV2MutualTlsTest, AKeyOfAnotherCertificateIsRefusedBeforeAnyConnection) {
  auto server = gateway(merchantA_->ca());
  WxpayV2Config c = config(*server, "10000100", merchantA_);
  c.apiClientKeyPem = readFile(merchantB_->privateKey());
  try {
    WxpayV2Client(c).refund(refund());
    FAIL();
  } catch (const WxpayError& e) {
    EXPECT_EQ("refund: client certificate: the private key does not belong to the certificate", std::string(e.what()));
  }
  EXPECT_TRUE(server->requests().empty());
}

}  // namespace
}  // namespace paynext::core::payments::wxpay
