// The simulator's WeChat Pay API v3 close and refunds, end to end: the real
// WxpayV3Client against a running SimServer, its REFUND.* notifications
// received by a local server and read with the real notification parser.
#include <functional>

#include <gtest/gtest.h>

#include "core/payments/wxpay_v3/v3_client.h"
#include "core/payments/wxpay_v3/v3_refund_notification.h"
#include "tests/support/local_http_server.h"
#include "tests/support/rsa_test_keys.h"
#include "tests/unit/tools/gatewaysim/sim_http.h"
#include "tools/gatewaysim/sim_server.h"

namespace paynext::tools::gatewaysim {
namespace {

namespace v3 = core::payments::wxpay_v3;
using paynext::testing::LocalHttpServer;
using paynext::testing::LocalReply;
using paynext::testing::LocalRequest;
using testing::eventually;

const std::string kMchId = "1230000109";
const std::string kAppId = "wxd678efh567hg6787";
const std::string kMchSerial = "444F4864EA9B34415D2AFE1C1F8E4C4D3F2E0A11";
const std::string kPlatformSerial = "PUB_KEY_ID_0112";
const std::string kApiV3Key = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";

// The merchant's key and "WeChat's" platform key.
const Poco::Crypto::RSAKey& merchantKey() { return paynext::testing::merchantKeys().key; }
const Poco::Crypto::RSAKey& platformKey() { return paynext::testing::alipayKeys().key; }

class WxpayV3SimRefundsTest : public ::testing::Test {
 protected:
  WxpayV3SimRefundsTest() {
    SimConfig config;
    config.v3Merchants.emplace(kMchId, V3Merchant{kMchId, kAppId, kMchSerial, merchantKey(), kPlatformSerial,
                                                  platformKey(), kApiV3Key});
    config.notifySchedule = {0.0};
    config.refundDelaySeconds = 0.05;
    sim_ = std::make_unique<SimServer>(config);
    sim_->start();
  }

  v3::WxpayV3Client client() const {
    v3::WxpayV3Config c;
    c.appId = kAppId;
    c.gatewayBaseUrl = "http://127.0.0.1:" + std::to_string(sim_->port());
    c.timeoutMs = 2000;
    return v3::WxpayV3Client(c, v3::V3RequestSigner(kMchId, kMchSerial, merchantKey()),
                             v3::V3ResponseVerifier(kPlatformSerial, platformKey()));
  }
  int control(const std::string& path, const std::string& body, std::string* answer = nullptr) const {
    return testing::callSim(sim_->port(), path, body, answer);
  }
  // A v3 order placed through the client, and paid unless told otherwise.
  void placeOrder(const std::string& outTradeNo, bool pay = true) const {
    v3::V3PrepayRequest order;
    order.description = "测试商品";
    order.outTradeNo = outTradeNo;
    order.notifyUrl = receiver_.url("/notify/pay");
    order.totalFen = 100;
    order.payerOpenid = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";
    client().jsapiPrepay(order);
    if (pay) {
      ASSERT_EQ(200, control("/sim/pay", R"({"out_trade_no":")" + outTradeNo + R"(","suppress_notify":true})"));
    }
  }
  v3::V3RefundRequest refundOf(const std::string& outRefundNo, std::int64_t fen) const {
    v3::V3RefundRequest r;
    r.outTradeNo = "PN20240101001";
    r.outRefundNo = outRefundNo;
    r.reason = "退货";
    r.notifyUrl = receiver_.url("/notify/refund");
    r.refundFen = fen;
    r.totalFen = 100;
    return r;
  }
  static std::string codeOf(const std::function<void()>& call) {
    try {
      call();
    } catch (const v3::WxpayV3Error& e) {
      return e.code();
    }
    return "no error";
  }
  // The REFUND.* notifications received so far, verified and decrypted.
  std::vector<v3::V3RefundNotification> refundNotifications() const {
    std::vector<v3::V3RefundNotification> found;
    const v3::V3ResponseVerifier verifier(kPlatformSerial, platformKey());
    for (const LocalRequest& r : receiver_.requests()) {
      if (r.uri != "/notify/refund") continue;
      v3::V3SignedMessage m{r.header("Wechatpay-Timestamp"), r.header("Wechatpay-Nonce"),
                            r.header("Wechatpay-Signature"), r.header("Wechatpay-Serial"), r.body};
      found.push_back(v3::parseRefundNotification(m, verifier, kApiV3Key));
    }
    return found;
  }

  LocalHttpServer receiver_{[](const LocalRequest&) { return LocalReply{200, ""}; }};
  std::unique_ptr<SimServer> sim_;
};

TEST_F(WxpayV3SimRefundsTest, CloseTakesOnlyAnUnpaidOrder) {
  EXPECT_EQ("ORDER_NOT_EXIST", codeOf([&] { client().closeOrder("PN20240101001"); }));
  placeOrder("PN20240101001", false);
  client().closeOrder("PN20240101001");
  EXPECT_EQ("CLOSED", client().queryByOutTradeNo("PN20240101001").tradeState);
  client().closeOrder("PN20240101001");  // closing a closed order is answered 204 again

  placeOrder("PN20240101002");
  EXPECT_EQ("INVALID_REQUEST", codeOf([&] { client().closeOrder("PN20240101002"); }));
  EXPECT_EQ("SUCCESS", client().queryByOutTradeNo("PN20240101002").tradeState);
}

TEST_F(WxpayV3SimRefundsTest, ARefundIsProcessingThenSucceedsAndIsNotified) {
  placeOrder("PN20240101001");
  const v3::V3Refund made = client().refund(refundOf("RF1", 60));
  EXPECT_EQ("PROCESSING", made.status);
  EXPECT_EQ(29u, made.refundId.size());

  ASSERT_TRUE(eventually([&] { return refundNotifications().size() == 1; }));
  const v3::V3RefundNotification n = refundNotifications().front();
  EXPECT_EQ("REFUND.SUCCESS", n.eventType);
  EXPECT_EQ("SUCCESS", n.refund.status);
  EXPECT_EQ(kMchId, n.refund.mchId);
  EXPECT_EQ("RF1", n.refund.outRefundNo);
  EXPECT_EQ(made.refundId, n.refund.refundId);
  EXPECT_EQ(60, n.refund.refundFen);
  EXPECT_EQ(100, n.refund.totalFen);
  EXPECT_FALSE(n.refund.successTime.empty());

  const v3::V3Refund queried = client().queryRefund("RF1");
  EXPECT_EQ("SUCCESS", queried.status);
  EXPECT_EQ(n.refund.successTime, queried.successTime);
  // The notifier records the 2xx once it has read it.
  std::string view;
  EXPECT_TRUE(eventually([&] {
    return control("/sim/v3/refunds/RF1", "", &view) == 200 && view.find(R"("acknowledged":true)") != std::string::npos;
  })) << view;
}

TEST_F(WxpayV3SimRefundsTest, TheControlSwitchMakesTheNextRefundAbnormalOrClosed) {
  placeOrder("PN20240101001");
  ASSERT_EQ(200, control("/sim/v3/orders/PN20240101001/refund_outcome", R"({"status":"ABNORMAL"})"));
  client().refund(refundOf("RF1", 10));
  ASSERT_TRUE(eventually([&] { return refundNotifications().size() == 1; }));
  EXPECT_EQ("REFUND.ABNORMAL", refundNotifications()[0].eventType);
  EXPECT_EQ("ABNORMAL", client().queryRefund("RF1").status);

  ASSERT_EQ(200, control("/sim/v3/orders/PN20240101001/refund_outcome", R"({"status":"CLOSED"})"));
  client().refund(refundOf("RF2", 10));
  ASSERT_TRUE(eventually([&] { return refundNotifications().size() == 2; }));
  EXPECT_EQ("REFUND.CLOSED", refundNotifications()[1].eventType);
  EXPECT_EQ("", refundNotifications()[1].refund.successTime);

  // Only the next one: the third succeeds.
  client().refund(refundOf("RF3", 10));
  ASSERT_TRUE(eventually([&] { return refundNotifications().size() == 3; }));
  EXPECT_EQ("REFUND.SUCCESS", refundNotifications()[2].eventType);
}

TEST_F(WxpayV3SimRefundsTest, NotEnoughIsRefusedAtOnceAndTheRetryGoesThrough) {
  placeOrder("PN20240101001");
  ASSERT_EQ(200, control("/sim/v3/orders/PN20240101001/refund_outcome", R"({"status":"NOT_ENOUGH"})"));
  EXPECT_EQ("NOT_ENOUGH", codeOf([&] { client().refund(refundOf("RF1", 60)); }));
  EXPECT_EQ("RESOURCE_NOT_EXISTS", codeOf([&] { client().queryRefund("RF1"); }));
  EXPECT_EQ("PROCESSING", client().refund(refundOf("RF1", 60)).status);
}

TEST_F(WxpayV3SimRefundsTest, RefundsAreIdempotentAndNeverExceedTheTotal) {
  placeOrder("PN20240101001");
  const v3::V3Refund first = client().refund(refundOf("RF1", 60));
  EXPECT_EQ(first.refundId, client().refund(refundOf("RF1", 60)).refundId);
  EXPECT_EQ("INVALID_REQUEST", codeOf([&] { client().refund(refundOf("RF1", 50)); }));
  EXPECT_EQ("INVALID_REQUEST", codeOf([&] { client().refund(refundOf("RF2", 41)); }));
  EXPECT_EQ("RESOURCE_NOT_EXISTS", codeOf([&] { client().queryRefund("RF2"); }));
  EXPECT_EQ(40, client().refund(refundOf("RF2", 40)).refundFen);
}

TEST_F(WxpayV3SimRefundsTest, OnlyAPaidOrderIsRefunded) {
  EXPECT_EQ("RESOURCE_NOT_EXISTS", codeOf([&] { client().refund(refundOf("RF1", 60)); }));
  placeOrder("PN20240101001", false);
  EXPECT_EQ("RESOURCE_NOT_EXISTS", codeOf([&] { client().refund(refundOf("RF1", 60)); }));
  EXPECT_EQ("RESOURCE_NOT_EXISTS", codeOf([&] { client().queryRefund("RF1"); }));
}

TEST_F(WxpayV3SimRefundsTest, ARequestSignedWithAnotherKeyChangesNothing) {
  placeOrder("PN20240101001");
  v3::WxpayV3Config c;
  c.appId = kAppId;
  c.gatewayBaseUrl = "http://127.0.0.1:" + std::to_string(sim_->port());
  const v3::WxpayV3Client forger(c, v3::V3RequestSigner(kMchId, kMchSerial, platformKey()),
                                 v3::V3ResponseVerifier(kPlatformSerial, platformKey()));
  EXPECT_EQ("SIGN_ERROR", codeOf([&] { forger.refund(refundOf("RF1", 60)); }));
  EXPECT_EQ("SIGN_ERROR", codeOf([&] { forger.closeOrder("PN20240101001"); }));
  EXPECT_EQ("RESOURCE_NOT_EXISTS", codeOf([&] { client().queryRefund("RF1"); }));
}

TEST_F(WxpayV3SimRefundsTest, TheControlApiRefusesBadRequests) {
  placeOrder("PN20240101001");
  EXPECT_EQ(400, control("/sim/v3/orders/PN20240101001/refund_outcome", R"({"status":"MAYBE"})"));
  EXPECT_EQ(404, control("/sim/v3/orders/PN9/refund_outcome", R"({"status":"CLOSED"})"));
  EXPECT_EQ(404, control("/sim/v3/refunds/RF9", ""));
  EXPECT_EQ(405, control("/sim/v3/refunds/RF9", "{}"));
}

}  // namespace
}  // namespace paynext::tools::gatewaysim
