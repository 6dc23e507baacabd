// The simulator's Alipay close and refunds end to end: the real AlipayClient
// against a running SimServer, trades opened and paid through its control API
// with the order string the server hands out.
#include <functional>

#include <gtest/gtest.h>

#include "core/payments/alipay/alipay_client.h"
#include "core/payments/alipay/alipay_order_string.h"
#include "tests/support/rsa_test_keys.h"
#include "tests/unit/tools/gatewaysim/sim_http.h"
#include "tools/gatewaysim/sim_server.h"

namespace paynext::tools::gatewaysim {
namespace {

namespace alipay = core::payments::alipay;
using paynext::testing::alipayKeys;
using paynext::testing::merchantKeys;

const std::string kAppId = "2021000000000001";

class AlipaySimEndToEndTest : public ::testing::Test {
 protected:
  AlipaySimEndToEndTest() {
    SimConfig config;
    config.alipayApps.emplace(kAppId, AlipayApp{kAppId, merchantKeys().key, alipayKeys().key});
    sim_ = std::make_unique<SimServer>(config);
    sim_->start();
  }

  alipay::AlipayClient client() const {
    alipay::AlipayConfig c;
    c.appId = kAppId;
    c.privateKey = merchantKeys().pkcs8Pem;
    c.alipayPublicKey = alipayKeys().publicPem;
    c.gatewayUrl = "http://127.0.0.1:" + std::to_string(sim_->port()) + "/gateway.do";
    c.timeoutMs = 2000;
    return alipay::AlipayClient(c);
  }
  // The buyer opens the APP order string of a 10.00 yuan order (and pays it, when pay).
  void openTrade(const std::string& outTradeNo, bool pay) const {
    alipay::AlipayOrder order;
    order.appId = kAppId;
    order.privateKey = merchantKeys().pkcs8Pem;
    order.outTradeNo = outTradeNo;
    order.totalFen = 1000;
    order.subject = "测试商品";
    const std::string body = R"({"order_string":")" + alipay::appPayOrderString(order) +
                             R"(","suppress_notify":true,"wait_buyer_pay":)" + (pay ? "false" : "true") + "}";
    ASSERT_EQ(200, testing::callSim(sim_->port(), "/sim/alipay/pay", body));
  }
  static alipay::AlipayError failureOf(const std::function<void()>& call) {
    try {
      call();
    } catch (const alipay::AlipayError& e) {
      return e;
    }
    ADD_FAILURE() << "no AlipayError";
    return alipay::AlipayError("no error");
  }

  std::unique_ptr<SimServer> sim_;
};

TEST_F(AlipaySimEndToEndTest, CloseOnlyAnOpenedUnpaidTrade) {
  EXPECT_EQ("ACQ.TRADE_NOT_EXIST", failureOf([&] { client().tradeClose("PN1"); }).subCode());
  openTrade("PN1", false);
  client().tradeClose("PN1");
  EXPECT_EQ("TRADE_CLOSED", client().tradeQuery("PN1").tradeStatus);
  openTrade("PN2", true);
  EXPECT_EQ("ACQ.TRADE_STATUS_ERROR", failureOf([&] { client().tradeClose("PN2"); }).subCode());
}

TEST_F(AlipaySimEndToEndTest, RefundsAndTheirQuery) {
  openTrade("PN1", true);
  const alipay::RefundResult first = client().tradeRefund({"PN1", "RF1", 300, "退货"});
  EXPECT_TRUE(first.fundChange);
  EXPECT_EQ(300, first.refundFeeFen);
  EXPECT_EQ(19u, first.gmtRefundPay.size());
  const alipay::RefundResult again = client().tradeRefund({"PN1", "RF1", 300, "退货"});
  EXPECT_FALSE(again.fundChange);
  EXPECT_EQ(first.tradeNo, again.tradeNo);
  EXPECT_EQ("ACQ.DISCORDANT_REPEAT_REQUEST",
            failureOf([&] { client().tradeRefund({"PN1", "RF1", 400, ""}); }).subCode());
  EXPECT_EQ("ACQ.REASON_TRADE_REFUND_FEE_ERR",
            failureOf([&] { client().tradeRefund({"PN1", "RF2", 701, ""}); }).subCode());

  const alipay::RefundQueryResult found = client().refundQuery("PN1", "RF1");
  EXPECT_TRUE(found.refunded());
  EXPECT_EQ(300, found.refundFen);
  EXPECT_EQ(1000, found.totalFen);
  EXPECT_FALSE(client().refundQuery("PN1", "RF2").refunded());

  EXPECT_EQ(1000, client().tradeRefund({"PN1", "RF2", 700, ""}).refundFeeFen);
  EXPECT_EQ("TRADE_CLOSED", client().tradeQuery("PN1").tradeStatus);
}

TEST_F(AlipaySimEndToEndTest, AnArmedFailureReachesTheClientOnce) {
  openTrade("PN1", true);
  ASSERT_EQ(200, testing::callSim(sim_->port(), "/sim/alipay/orders/PN1/refund_failure", "{}"));
  const alipay::AlipayError e = failureOf([&] { client().tradeRefund({"PN1", "RF1", 100, ""}); });
  EXPECT_EQ("40004", e.code());
  EXPECT_EQ("ACQ.SELLER_BALANCE_NOT_ENOUGH", e.subCode());
  EXPECT_FALSE(client().refundQuery("PN1", "RF1").refunded());
  EXPECT_TRUE(client().tradeRefund({"PN1", "RF1", 100, ""}).fundChange);
  std::string refunds;
  ASSERT_EQ(200, testing::callSim(sim_->port(), "/sim/alipay/orders/PN1/refunds", "", &refunds));
  EXPECT_NE(std::string::npos, refunds.find(R"("refunded_amount":"1.00")")) << refunds;
}

TEST_F(AlipaySimEndToEndTest, ARefundOfAnUnpaidTradeIsRefused) {
  openTrade("PN1", false);
  EXPECT_EQ("ACQ.TRADE_STATUS_ERROR", failureOf([&] { client().tradeRefund({"PN1", "RF1", 100, ""}); }).subCode());
  EXPECT_EQ("ACQ.TRADE_NOT_EXIST", failureOf([&] { client().refundQuery("PN9", "RF1"); }).subCode());
}

}  // namespace
}  // namespace paynext::tools::gatewaysim
