// The simulator's WeChat Pay v2 closeorder, refund and refundquery, run in
// process and called over HTTP(S) as a merchant would; its refund
// notifications are read with the server's own decryptRefundInfo.
#include <atomic>
#include <chrono>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <string>
#include <thread>

#include <gtest/gtest.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StreamCopier.h>

#include "core/crypto/digest.h"
#include "core/net/gateway_session.h"
#include "core/net/outbound_policy.h"
#include "core/net/outbound_session.h"
#include "core/payments/wxpay/wxpay_refund_notification.h"
#include "core/payments/wxpay/wxpay_v2_client.h"
#include "core/payments/wxpay/wxpay_xml.h"
#include "tests/support/local_http_server.h"
#include "tests/support/test_certificates.h"
#include "tools/gatewaysim/mutual_tls.h"
#include "tools/gatewaysim/sim_server.h"

namespace paynext::tools::gatewaysim {
namespace {

namespace wx = core::payments::wxpay;
using paynext::testing::LocalHttpServer;
using paynext::testing::LocalReply;
using paynext::testing::TestCertificates;

const std::string kAppId = "wxd930ea5d5a258f4f";
const std::string kMchA = "10000100";
const std::string kMchB = "10000200";
const std::string kKey = "192006250b4c09247ec02edce69f6a2d";

// Polls until pred holds or the deadline passes; whether it held.
bool eventually(const std::function<bool()>& pred, std::chrono::milliseconds deadline = std::chrono::seconds(10)) {
  const auto end = std::chrono::steady_clock::now() + deadline;
  while (std::chrono::steady_clock::now() < end) {
    if (pred()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return pred();
}

std::string exchange(Poco::Net::HTTPClientSession& session, const std::string& path, const std::string& body) {
  Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, path, Poco::Net::HTTPMessage::HTTP_1_1);
  request.setContentLength64(static_cast<Poco::Int64>(body.size()));
  session.sendRequest(request) << body;
  Poco::Net::HTTPResponse response;
  std::string answer;
  Poco::StreamCopier::copyToString(session.receiveResponse(response), answer);
  return answer;
}

class SimRefundTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    serverCerts_ = new TestCertificates;
    certA_ = new TestCertificates("merchant A", "DNS:a.example");
    certB_ = new TestCertificates("merchant B", "DNS:b.example");
  }
  static void TearDownTestSuite() {
    delete certB_;
    delete certA_;
    delete serverCerts_;
  }

  // A simulator serving HTTPS (tls) or plain HTTP, merchants A and B with
  // their API certificates.
  void startSim(bool tls, bool secapiWithoutTls = false, double refundDelaySeconds = 0.05) {
    SimConfig config;
    for (const auto& [mchId, cert] : {std::pair{kMchA, certA_}, std::pair{kMchB, certB_}}) {
      Merchant merchant;
      merchant.mchId = mchId;
      merchant.appId = kAppId;
      merchant.apiKey = kKey;
      merchant.apiCertFingerprint = certificateFileFingerprint(cert->certificate());
      config.merchants[mchId] = merchant;
    }
    config.notifySchedule = {0, 0.05, 0.05};
    config.refundDelaySeconds = refundDelaySeconds;
    config.secapiWithoutTls = secapiWithoutTls;
    config.threads = 4;
    if (tls) {
      config.tlsCertificate = serverCerts_->certificate();
      config.tlsPrivateKey = serverCerts_->privateKey();
    }
    tls_ = tls;
    sim_ = std::make_unique<SimServer>(config);
    sim_->start();
  }
  void TearDown() override {
    if (sim_) sim_->stop();
  }

  // A signed v2 call of merchant mchId; over HTTPS presenting `cert` (null: none).
  wx::Fields call(const std::string& path, wx::Fields fields, const std::string& mchId = kMchA,
                  const TestCertificates* cert = nullptr) {
    fields["appid"] = kAppId;
    fields["mch_id"] = mchId;
    fields["nonce_str"] = core::crypto::randomHex(16);
    fields["sign"] = wx::sign(fields, kKey, wx::SignType::Md5);
    std::unique_ptr<Poco::Net::HTTPClientSession> session;
    if (tls_) {
      Poco::Net::Context::Ptr context = new Poco::Net::Context(
          Poco::Net::Context::TLS_CLIENT_USE, cert ? cert->privateKey() : "", cert ? cert->certificate() : "",
          serverCerts_->ca(), Poco::Net::Context::VERIFY_RELAXED);
      session = std::make_unique<Poco::Net::HTTPSClientSession>("127.0.0.1", sim_->port(), context);
    } else {
      session = std::make_unique<Poco::Net::HTTPClientSession>("127.0.0.1", sim_->port());
    }
    return wx::parseXml(exchange(*session, path, wx::toXml(fields)));
  }
  // An order of 101 fen, paid unless `pay` is false.
  void order(const std::string& outTradeNo, bool pay = true, const std::string& mchId = kMchA) {
    const auto placed = call("/pay/unifiedorder",
                             {{"body", "充值"}, {"out_trade_no", outTradeNo}, {"total_fee", "101"},
                              {"spbill_create_ip", "10.0.0.1"}, {"notify_url", "http://127.0.0.1:1/n"},
                              {"trade_type", "APP"}},
                             mchId);
    ASSERT_EQ("SUCCESS", placed.at("result_code"));
    if (pay) {
      ASSERT_EQ(200, control("/sim/pay", R"({"suppress_notify": true, "out_trade_no": ")" + outTradeNo +
                                              R"(", "mch_id": ")" + mchId + "\"}")
                         .status);
    }
  }
  wx::Fields refund(const std::string& outTradeNo, const std::string& outRefundNo, const std::string& fee,
                    const std::string& notifyUrl = "") {
    wx::Fields fields{{"out_trade_no", outTradeNo}, {"out_refund_no", outRefundNo}, {"total_fee", "101"},
                      {"refund_fee", fee}};
    if (!notifyUrl.empty()) fields["notify_url"] = notifyUrl;
    return call("/secapi/pay/refund", fields, kMchA, certA_);
  }
  std::string refundStatus(const std::string& outRefundNo) {
    const wx::Fields answer = call("/pay/refundquery", {{"out_refund_no", outRefundNo}});
    return answer.count("refund_status_0") ? answer.at("refund_status_0") : answer.at("err_code");
  }
  struct Control {
    int status;
    std::string body;
  };
  Control control(const std::string& path, const std::string& json, const std::string& method = "POST") {
    std::unique_ptr<Poco::Net::HTTPClientSession> session;
    if (tls_) {
      Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "",
                                                               serverCerts_->ca(), Poco::Net::Context::VERIFY_RELAXED);
      session = std::make_unique<Poco::Net::HTTPSClientSession>("127.0.0.1", sim_->port(), context);
    } else {
      session = std::make_unique<Poco::Net::HTTPClientSession>("127.0.0.1", sim_->port());
    }
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    request.setContentLength64(static_cast<Poco::Int64>(json.size()));
    session->sendRequest(request) << json;
    Poco::Net::HTTPResponse response;
    std::string body;
    Poco::StreamCopier::copyToString(session->receiveResponse(response), body);
    return {static_cast<int>(response.getStatus()), body};
  }
  // The refunds /sim/refunds lists for merchant A.
  Poco::JSON::Array::Ptr refunds() {
    const Control listed = control("/sim/refunds?mch_id=" + kMchA, "", "GET");
    return Poco::JSON::Parser().parse(listed.body).extract<Poco::JSON::Object::Ptr>()->getArray("refunds");
  }

  static TestCertificates* serverCerts_;
  static TestCertificates* certA_;
  static TestCertificates* certB_;
  bool tls_ = false;
  std::unique_ptr<SimServer> sim_;
};

TestCertificates* SimRefundTest::serverCerts_ = nullptr;
TestCertificates* SimRefundTest::certA_ = nullptr;
TestCertificates* SimRefundTest::certB_ = nullptr;

TEST_F(SimRefundTest, CloseOrderClosesAnUnpaidOrderAndRefusesAPaidOne) {
  startSim(false);
  order("PN1", false);
  EXPECT_EQ("SUCCESS", call("/pay/closeorder", {{"out_trade_no", "PN1"}}).at("result_code"));
  EXPECT_EQ("CLOSED", call("/pay/orderquery", {{"out_trade_no", "PN1"}}).at("trade_state"));
  EXPECT_EQ("ORDERCLOSED", call("/pay/closeorder", {{"out_trade_no", "PN1"}}).at("err_code"));
  const wx::Fields again = call("/pay/unifiedorder", {{"body", "充值"}, {"out_trade_no", "PN1"}, {"total_fee", "101"},
                                                      {"spbill_create_ip", "10.0.0.1"},
                                                      {"notify_url", "http://127.0.0.1:1/n"}, {"trade_type", "APP"}});
  EXPECT_EQ("ORDERCLOSED", again.at("err_code"));

  order("PN2");
  const wx::Fields paid = call("/pay/closeorder", {{"out_trade_no", "PN2"}});
  EXPECT_EQ("FAIL", paid.at("result_code"));
  EXPECT_EQ("ORDERPAID", paid.at("err_code"));
  EXPECT_TRUE(wx::verify(paid, kKey, wx::SignType::Md5));
  EXPECT_EQ("SUCCESS", call("/pay/orderquery", {{"out_trade_no", "PN2"}}).at("trade_state"));
}

TEST_F(SimRefundTest, PlainHttpRefusesSecapiUnlessTold) {
  startSim(false);
  order("PN1");
  const wx::Fields refused = refund("PN1", "RF1", "50");
  EXPECT_EQ("FAIL", refused.at("return_code"));
  EXPECT_EQ("/secapi/ 需要商户API证书: the simulator serves plain HTTP, so it cannot check the client certificate "
            "(serve HTTPS with --tls-cert, or pass --secapi-without-tls)",
            refused.at("return_msg"));
  EXPECT_EQ(0u, refunds()->size());
}

TEST_F(SimRefundTest, PlainHttpWithTheFlagSkipsTheCertificateCheck) {
  startSim(false, true);
  order("PN1");
  EXPECT_EQ("SUCCESS", refund("PN1", "RF1", "50").at("result_code"));
}

TEST_F(SimRefundTest, HttpsRefusesARefundWithoutTheMerchantsCertificate) {
  startSim(true);
  order("PN1");
  const wx::Fields none =
      call("/secapi/pay/refund",
           {{"out_trade_no", "PN1"}, {"out_refund_no", "RF1"}, {"total_fee", "101"}, {"refund_fee", "50"}}, kMchA,
           nullptr);
  EXPECT_EQ("FAIL", none.at("return_code"));
  EXPECT_EQ("未提供商户API证书 (no client certificate)", none.at("return_msg"));
  const wx::Fields other =
      call("/secapi/pay/refund",
           {{"out_trade_no", "PN1"}, {"out_refund_no", "RF1"}, {"total_fee", "101"}, {"refund_fee", "50"}}, kMchA,
           certB_);
  EXPECT_EQ("FAIL", other.at("return_code"));
  EXPECT_EQ("证书与商户号不匹配 (the client certificate is not this merchant's API certificate)",
            other.at("return_msg"));
  EXPECT_EQ(0u, refunds()->size());
  // The other endpoints take calls without a client certificate.
  EXPECT_EQ("SUCCESS", call("/pay/orderquery", {{"out_trade_no", "PN1"}}).at("trade_state"));
}

TEST_F(SimRefundTest, ARefundIsProcessingThenSucceeds) {
  startSim(true, false, 0.5);
  order("PN1");
  const wx::Fields answer = refund("PN1", "RF1", "50");
  ASSERT_EQ("SUCCESS", answer.at("result_code")) << answer.at("return_msg");
  EXPECT_TRUE(wx::verify(answer, kKey, wx::SignType::Md5));
  EXPECT_EQ("RF1", answer.at("out_refund_no"));
  EXPECT_EQ("50", answer.at("refund_fee"));
  EXPECT_EQ(29u, answer.at("refund_id").size());
  EXPECT_EQ("PROCESSING", refundStatus("RF1"));
  EXPECT_TRUE(eventually([&] { return refundStatus("RF1") == "SUCCESS"; }));
  const wx::Fields queried = call("/pay/refundquery", {{"out_refund_no", "RF1"}});
  EXPECT_EQ("1", queried.at("refund_count"));
  EXPECT_EQ(answer.at("refund_id"), queried.at("refund_id_0"));
  EXPECT_EQ(19u, queried.at("refund_success_time_0").size());
}

TEST_F(SimRefundTest, RefundsOfAnOrderNeverExceedItsTotal) {
  startSim(true);
  order("PN1");
  EXPECT_EQ("SUCCESS", refund("PN1", "RF1", "60").at("result_code"));
  const wx::Fields over = refund("PN1", "RF2", "42");
  EXPECT_EQ("FAIL", over.at("result_code"));
  EXPECT_EQ("ERROR", over.at("err_code"));
  EXPECT_EQ("申请退款金额超过订单可退金额", over.at("err_code_des"));
  EXPECT_EQ("SUCCESS", refund("PN1", "RF3", "41").at("result_code"));
  EXPECT_EQ("ERROR", refund("PN1", "RF4", "1").at("err_code"));
  EXPECT_EQ(2u, refunds()->size());
}

TEST_F(SimRefundTest, TheSameOutRefundNoIsTheSameRefund) {
  startSim(true);
  order("PN1");
  const wx::Fields first = refund("PN1", "RF1", "60");
  const wx::Fields again = refund("PN1", "RF1", "60");
  EXPECT_EQ("SUCCESS", again.at("result_code"));
  EXPECT_EQ(first.at("refund_id"), again.at("refund_id"));
  const wx::Fields changed = refund("PN1", "RF1", "61");
  EXPECT_EQ("ERROR", changed.at("err_code"));
  EXPECT_EQ("同一退款单号的订单或金额与之前的请求不一致", changed.at("err_code_des"));
  EXPECT_EQ(1u, refunds()->size());
}

TEST_F(SimRefundTest, OnlyAPaidOrderOfTheRightTotalIsRefunded) {
  startSim(true);
  order("PN1", false);
  EXPECT_EQ("订单未支付，不能退款", refund("PN1", "RF1", "50").at("err_code_des"));
  EXPECT_EQ("ORDERNOTEXIST", refund("PN404", "RF2", "50").at("err_code"));
  order("PN2");
  const wx::Fields wrongTotal =
      call("/secapi/pay/refund",
           {{"out_trade_no", "PN2"}, {"out_refund_no", "RF3"}, {"total_fee", "100"}, {"refund_fee", "50"}}, kMchA,
           certA_);
  EXPECT_EQ("PARAM_ERROR", wrongTotal.at("err_code"));
  EXPECT_EQ(0u, refunds()->size());
  EXPECT_EQ("REFUNDNOTEXIST", refundStatus("RF1"));
}

TEST_F(SimRefundTest, TheNotificationDecryptsWithTheServersDecryptRefundInfo) {
  LocalHttpServer merchant([](const auto&) { return LocalReply{200, "<xml><return_code>SUCCESS</return_code></xml>", "text/xml"}; });
  startSim(true);
  order("PN1");
  const wx::Fields answer = refund("PN1", "RF1", "50", merchant.url("/notify/refund"));
  ASSERT_TRUE(eventually([&] { return !merchant.requests().empty(); }));
  const auto request = merchant.requests().front();
  EXPECT_EQ("/notify/refund", request.uri);
  const wx::Fields outer = wx::parseXml(request.body);
  EXPECT_EQ("SUCCESS", outer.at("return_code"));
  EXPECT_EQ(kAppId, outer.at("appid"));
  EXPECT_EQ(kMchA, outer.at("mch_id"));
  const wx::Fields info = wx::decryptRefundInfo(outer.at("req_info"), kKey);
  EXPECT_EQ("SUCCESS", info.at("refund_status"));
  EXPECT_EQ("RF1", info.at("out_refund_no"));
  EXPECT_EQ(answer.at("refund_id"), info.at("refund_id"));
  EXPECT_EQ("50", info.at("refund_fee"));
  EXPECT_EQ("101", info.at("total_fee"));

  wx::WxpayV2Config config;
  config.appId = kAppId;
  config.mchId = kMchA;
  config.apiKey = kKey;
  const wx::RefundNotice notice = wx::parseRefundNotification(request.body, config);
  EXPECT_EQ("PN1", notice.outTradeNo);
  EXPECT_EQ(50, notice.refundFee);
  EXPECT_TRUE(eventually([&] { return refunds()->getObject(0)->getValue<bool>("acknowledged"); }));
  EXPECT_EQ(1u, merchant.requests().size());
}

TEST_F(SimRefundTest, TheNotificationIsRetriedUntilAcknowledged) {
  std::atomic<int> seen{0};
  LocalHttpServer merchant([&](const auto&) {
    return LocalReply{200, ++seen == 1 ? "<xml><return_code>FAIL</return_code></xml>"
                                       : "<xml><return_code>SUCCESS</return_code></xml>",
                      "text/xml"};
  });
  startSim(true);
  order("PN1");
  refund("PN1", "RF1", "50", merchant.url("/notify/refund"));
  ASSERT_TRUE(eventually([&] { return refunds()->getObject(0)->getValue<bool>("acknowledged"); }));
  EXPECT_EQ(2, refunds()->getObject(0)->getValue<int>("notify_attempts"));
  const auto requests = merchant.requests();
  ASSERT_EQ(2u, requests.size());
  EXPECT_EQ(requests[0].body, requests[1].body);  // the same notification again
}

TEST_F(SimRefundTest, AFailedRefundIsNotifiedAndFreesItsAmount) {
  LocalHttpServer merchant([](const auto&) { return LocalReply{200, "<xml><return_code>SUCCESS</return_code></xml>", "text/xml"}; });
  startSim(true);
  order("PN1");
  EXPECT_EQ(400, control("/sim/refund-fail", R"({"out_trade_no": "PN1", "refund_status": "SUCCESS"})").status);
  EXPECT_EQ(404, control("/sim/refund-fail", R"({"out_trade_no": "PN404"})").status);
  ASSERT_EQ(200, control("/sim/refund-fail", R"({"out_trade_no": "PN1"})").status);
  refund("PN1", "RF1", "101", merchant.url("/notify/refund"));
  ASSERT_TRUE(eventually([&] { return !merchant.requests().empty(); }));
  const wx::Fields info = wx::decryptRefundInfo(wx::parseXml(merchant.requests().front().body).at("req_info"), kKey);
  EXPECT_EQ("REFUNDCLOSE", info.at("refund_status"));
  EXPECT_EQ(0u, info.count("success_time"));
  EXPECT_EQ("REFUNDCLOSE", refundStatus("RF1"));
  // Only the next refund fails; a closed refund's amount can be refunded again.
  EXPECT_EQ("SUCCESS", refund("PN1", "RF2", "101").at("result_code"));
  EXPECT_TRUE(eventually([&] { return refundStatus("RF2") == "SUCCESS"; }));
}

// The server's WxpayV2Client against the simulator: both sides of the
// protocol as paynext ships them agree, mutual TLS included.
TEST_F(SimRefundTest, TheServersClientClosesRefundsAndQueries) {
  core::net::setGatewayOutboundPolicy(std::make_shared<core::net::OutboundPolicy>("127.0.0.1"));
  core::net::setGatewayCaFile(serverCerts_->ca());
  startSim(true);
  order("PN1", false);
  order("PN2");
  wx::WxpayV2Config config;
  config.appId = kAppId;
  config.mchId = kMchA;
  config.apiKey = kKey;
  config.gatewayBaseUrl = "https://127.0.0.1:" + std::to_string(sim_->port());
  std::ifstream certIn(certA_->certificate()), keyIn(certA_->privateKey());
  config.apiClientCertPem.assign(std::istreambuf_iterator<char>(certIn), std::istreambuf_iterator<char>());
  config.apiClientKeyPem.assign(std::istreambuf_iterator<char>(keyIn), std::istreambuf_iterator<char>());
  const wx::WxpayV2Client client(config);

  EXPECT_EQ("SUCCESS", client.closeOrder("PN1").at("result_code"));
  try {
    client.closeOrder("PN2");
    ADD_FAILURE() << "closed a paid order";
  } catch (const wx::WxpayError& e) {
    EXPECT_EQ("ORDERPAID", e.errCode());
  }
  wx::RefundRequest request;
  request.outTradeNo = "PN2";
  request.outRefundNo = "RF1";
  request.totalFee = 101;
  request.refundFee = 30;
  const wx::Fields accepted = client.refund(request);
  EXPECT_TRUE(eventually([&] { return client.refundQuery("RF1").at("refund_status_0") == "SUCCESS"; }));
  EXPECT_EQ(accepted.at("refund_id"), client.refundQuery("RF1").at("refund_id_0"));
  try {
    client.refundQuery("RF404");
    ADD_FAILURE() << "an unknown refund was found";
  } catch (const wx::WxpayError& e) {
    EXPECT_EQ("REFUNDNOTEXIST", e.errCode());
  }
  // Merchant B's certificate under A's merchant number is refused by the simulator.
  std::ifstream otherIn(certB_->certificate()), otherKeyIn(certB_->privateKey());
  config.apiClientCertPem.assign(std::istreambuf_iterator<char>(otherIn), std::istreambuf_iterator<char>());
  config.apiClientKeyPem.assign(std::istreambuf_iterator<char>(otherKeyIn), std::istreambuf_iterator<char>());
  request.outRefundNo = "RF2";
  try {
    wx::WxpayV2Client(config).refund(request);
    ADD_FAILURE() << "refunded with another merchant's certificate";
  } catch (const wx::WxpayError& e) {
    EXPECT_EQ("refund refused: FAIL 证书与商户号不匹配 (the client certificate is not this merchant's API certificate)",
              std::string(e.what()));
  }
  core::net::setGatewayCaFile("");
}

}  // namespace
}  // namespace paynext::tools::gatewaysim
