// The simulator's Alipay close / refund / refund query rules, driven through
// its gateway (/gateway.do's handler, signed requests) and control API.
#include "tools/gatewaysim/alipay_trade_methods.h"

#include <string>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include "core/payments/alipay/alipay_form.h"
#include "core/payments/alipay/alipay_request.h"
#include "core/payments/alipay/alipay_response.h"
#include "tests/support/rsa_test_keys.h"
#include "tools/gatewaysim/alipay_control_api.h"
#include "tools/gatewaysim/alipay_gateway_api.h"

namespace paynext::tools::gatewaysim {
namespace {

namespace alipay = core::payments::alipay;
using paynext::testing::alipayKeys;
using paynext::testing::merchantKeys;

const std::string kAppId = "2021000000000001";
const std::string kClose = "alipay.trade.close";
const std::string kRefund = "alipay.trade.refund";
const std::string kRefundQuery = "alipay.trade.fastpay.refund.query";

class AlipayTradeMethodsTest : public ::testing::Test {
 protected:
  AlipayTradeMethodsTest() { apps_.emplace(kAppId, AlipayApp{kAppId, merchantKeys().key, alipayKeys().key}); }

  // A trade the buyer opened (and paid, when paid).
  void addTrade(const std::string& outTradeNo, const std::string& total, bool paid) {
    store_.upsert({kAppId, outTradeNo}, [&](AlipayTrade*, std::optional<AlipayTrade>& created) {
      created.emplace();
      created->appId = kAppId;
      created->outTradeNo = outTradeNo;
      created->tradeNo = "2024010222001400000000000001";
      created->totalAmount = total;
      created->buyerId = "2088000000000001";
      if (paid) {
        created->state = "TRADE_SUCCESS";
        created->gmtPayment = "2024-01-02 03:04:05";
      }
      return true;
    });
  }
  AlipayTrade trade(const std::string& outTradeNo) const { return *store_.find({kAppId, outTradeNo}); }

  // Posts a signed call; returns the answer's node once its sign verified with Alipay's key.
  Poco::JSON::Object::Ptr call(const std::string& method, const std::string& bizContent,
                               const Poco::Crypto::RSAKey& appKey = merchantKeys().key) {
    const alipay::Params request = alipay::signRequest({kAppId, method, bizContent, {}, {}}, appKey);
    const alipay::SignedResponse answer = alipay::parseResponse(gateway_.handle("", alipay::encodeForm(request)), method);
    if (!answer.sign.empty()) {
      EXPECT_TRUE(alipay::verifyResponse(answer, alipayKeys().key)) << answer.nodeText;
    }
    return answer.node;
  }
  static std::string field(const Poco::JSON::Object::Ptr& node, const std::string& name) {
    return node->optValue<std::string>(name, "(none)");
  }
  Poco::JSON::Object::Ptr refund(const std::string& outRequestNo, const std::string& amount,
                                 const std::string& outTradeNo = "PN1") {
    return call(kRefund, R"({"out_trade_no":")" + outTradeNo + R"(","out_request_no":")" + outRequestNo +
                             R"(","refund_amount":")" + amount + R"(","refund_reason":"退货"})");
  }
  static Poco::JSON::Object::Ptr json(const ControlResponse& response) {
    return Poco::JSON::Parser().parse(response.json).extract<Poco::JSON::Object::Ptr>();
  }

  AlipayApps apps_;
  AlipayOrderStore store_;
  Notifier notifier_{{}, 1.0};
  AlipayGatewayApi gateway_{apps_, store_};
  AlipayControlApi control_{apps_, store_, notifier_};
};

TEST_F(AlipayTradeMethodsTest, CloseTakesOnlyATradeWaitingForTheBuyer) {
  // Never opened: Alipay has no trade at all.
  EXPECT_EQ("ACQ.TRADE_NOT_EXIST", field(call(kClose, R"({"out_trade_no":"PN1"})"), "sub_code"));

  addTrade("PN1", "10.00", false);
  const auto closed = call(kClose, R"({"out_trade_no":"PN1"})");
  EXPECT_EQ("10000", field(closed, "code"));
  EXPECT_EQ("PN1", field(closed, "out_trade_no"));
  EXPECT_EQ("2024010222001400000000000001", field(closed, "trade_no"));
  EXPECT_EQ("TRADE_CLOSED", trade("PN1").state);
  EXPECT_EQ("ACQ.TRADE_STATUS_ERROR", field(call(kClose, R"({"out_trade_no":"PN1"})"), "sub_code"));

  addTrade("PN2", "10.00", true);
  const auto paid = call(kClose, R"({"out_trade_no":"PN2"})");
  EXPECT_EQ("40004", field(paid, "code"));
  EXPECT_EQ("ACQ.TRADE_STATUS_ERROR", field(paid, "sub_code"));
  EXPECT_EQ("交易状态不合法", field(paid, "sub_msg"));
  EXPECT_EQ("TRADE_SUCCESS", trade("PN2").state);

  EXPECT_EQ("ACQ.INVALID_PARAMETER", field(call(kClose, "{}"), "sub_code"));
}

TEST_F(AlipayTradeMethodsTest, RefundsOfAPaidTradeNeverExceedItsTotal) {
  addTrade("PN1", "10.00", true);
  const auto first = refund("RF1", "3.00");
  EXPECT_EQ("10000", field(first, "code"));
  EXPECT_EQ("Y", field(first, "fund_change"));
  EXPECT_EQ("3.00", field(first, "refund_fee"));
  EXPECT_EQ("PN1", field(first, "out_trade_no"));
  EXPECT_EQ(19u, field(first, "gmt_refund_pay").size());

  const auto over = refund("RF2", "7.01");
  EXPECT_EQ("ACQ.REASON_TRADE_REFUND_FEE_ERR", field(over, "sub_code"));
  EXPECT_EQ("退款金额无效", field(over, "sub_msg"));
  EXPECT_EQ(1u, trade("PN1").refunds.size());
  EXPECT_EQ("TRADE_SUCCESS", trade("PN1").state);

  const auto rest = refund("RF2", "7.00");
  EXPECT_EQ("Y", field(rest, "fund_change"));
  EXPECT_EQ("10.00", field(rest, "refund_fee"));
  // Refunded in full, the trade is closed.
  EXPECT_EQ("TRADE_CLOSED", trade("PN1").state);
  EXPECT_EQ("ACQ.REASON_TRADE_REFUND_FEE_ERR", field(refund("RF3", "0.01"), "sub_code"));
}

TEST_F(AlipayTradeMethodsTest, ARefundIsIdempotentByOutRequestNo) {
  addTrade("PN1", "10.00", true);
  refund("RF1", "3.00");
  const auto again = refund("RF1", "3.00");
  EXPECT_EQ("10000", field(again, "code"));
  EXPECT_EQ("N", field(again, "fund_change"));
  EXPECT_EQ("3.00", field(again, "refund_fee"));
  EXPECT_EQ("ACQ.DISCORDANT_REPEAT_REQUEST", field(refund("RF1", "4.00"), "sub_code"));
  ASSERT_EQ(1u, trade("PN1").refunds.size());
  EXPECT_EQ("3.00", trade("PN1").refunds[0].refundAmount);
  EXPECT_EQ("退货", trade("PN1").refunds[0].reason);
}

TEST_F(AlipayTradeMethodsTest, OnlyAPaidTradeIsRefundedAndAmountsMustBeValid) {
  EXPECT_EQ("ACQ.TRADE_NOT_EXIST", field(refund("RF1", "1.00"), "sub_code"));
  addTrade("PN1", "10.00", false);
  const auto unpaid = refund("RF1", "1.00");
  EXPECT_EQ("ACQ.TRADE_STATUS_ERROR", field(unpaid, "sub_code"));
  EXPECT_EQ("交易状态非法", field(unpaid, "sub_msg"));
  addTrade("PN2", "10.00", true);
  for (const std::string amount : {"0", "0.00", "-1.00", "1.001", "abc", ""}) {
    EXPECT_EQ("ACQ.INVALID_PARAMETER", field(refund("RF1", amount, "PN2"), "sub_code")) << amount;
  }
  EXPECT_TRUE(trade("PN1").refunds.empty());
  EXPECT_TRUE(trade("PN2").refunds.empty());
}

TEST_F(AlipayTradeMethodsTest, WithoutOutRequestNoOnlyTheWholeTotalIsRefunded) {
  addTrade("PN1", "10.00", true);
  const auto part = call(kRefund, R"({"out_trade_no":"PN1","refund_amount":"3.00"})");
  EXPECT_EQ("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", field(part, "sub_code"));
  const auto whole = call(kRefund, R"({"out_trade_no":"PN1","refund_amount":10})");
  EXPECT_EQ("Y", field(whole, "fund_change"));
  ASSERT_EQ(1u, trade("PN1").refunds.size());
  EXPECT_EQ("PN1", trade("PN1").refunds[0].outRequestNo);
}

TEST_F(AlipayTradeMethodsTest, RefundQueryAnswersTheRefundOrNoStatus) {
  EXPECT_EQ("ACQ.TRADE_NOT_EXIST",
            field(call(kRefundQuery, R"({"out_trade_no":"PN1","out_request_no":"RF1"})"), "sub_code"));
  addTrade("PN1", "10.00", true);
  const auto none = call(kRefundQuery, R"({"out_trade_no":"PN1","out_request_no":"RF1"})");
  EXPECT_EQ("10000", field(none, "code"));
  EXPECT_EQ("(none)", field(none, "refund_status"));
  EXPECT_EQ("(none)", field(none, "refund_amount"));

  refund("RF1", "2.50");
  const auto found = call(kRefundQuery, R"({"out_trade_no":"PN1","out_request_no":"RF1"})");
  EXPECT_EQ("REFUND_SUCCESS", field(found, "refund_status"));
  EXPECT_EQ("2.50", field(found, "refund_amount"));
  EXPECT_EQ("10.00", field(found, "total_amount"));
  EXPECT_EQ("RF1", field(found, "out_request_no"));
  EXPECT_EQ("退货", field(found, "refund_reason"));
  EXPECT_EQ("ACQ.INVALID_PARAMETER", field(call(kRefundQuery, R"({"out_trade_no":"PN1"})"), "sub_code"));
}

TEST_F(AlipayTradeMethodsTest, AForgedRequestChangesNothing) {
  addTrade("PN1", "10.00", true);
  const auto forged = call(kRefund, R"({"out_trade_no":"PN1","out_request_no":"RF1","refund_amount":"1.00"})",
                           alipayKeys().key);
  EXPECT_EQ("isv.invalid-signature", field(forged, "sub_code"));
  EXPECT_TRUE(trade("PN1").refunds.empty());
  addTrade("PN2", "10.00", false);
  EXPECT_EQ("isv.invalid-signature", field(call(kClose, R"({"out_trade_no":"PN2"})", alipayKeys().key), "sub_code"));
  EXPECT_EQ("WAIT_BUYER_PAY", trade("PN2").state);
}

TEST_F(AlipayTradeMethodsTest, TheControlApiFailsTheNextRefundOnce) {
  addTrade("PN1", "10.00", true);
  const ControlResponse armed = control_.handle("POST", "/sim/alipay/orders/PN1/refund_failure", "");
  ASSERT_EQ(200, armed.status) << armed.json;
  EXPECT_EQ("ACQ.SELLER_BALANCE_NOT_ENOUGH", json(armed)->getValue<std::string>("refund_failure"));

  const auto failed = refund("RF1", "1.00");
  EXPECT_EQ("ACQ.SELLER_BALANCE_NOT_ENOUGH", field(failed, "sub_code"));
  EXPECT_EQ("卖家余额不足", field(failed, "sub_msg"));
  EXPECT_TRUE(trade("PN1").refunds.empty());
  EXPECT_EQ("(none)", field(call(kRefundQuery, R"({"out_trade_no":"PN1","out_request_no":"RF1"})"), "refund_status"));
  // The retry with the same out_request_no goes through.
  EXPECT_EQ("Y", field(refund("RF1", "1.00"), "fund_change"));

  ASSERT_EQ(200, control_.handle("POST", "/sim/alipay/orders/PN1/refund_failure", R"({"sub_code":"ACQ.SYSTEM_ERROR"})")
                     .status);
  EXPECT_EQ("ACQ.SYSTEM_ERROR", field(refund("RF2", "1.00"), "sub_code"));
}

TEST_F(AlipayTradeMethodsTest, TheControlApiListsRefunds) {
  addTrade("PN1", "10.00", true);
  refund("RF1", "1.00");
  refund("RF2", "2.00");
  const ControlResponse listed = control_.handle("GET", "/sim/alipay/orders/PN1/refunds", "");
  ASSERT_EQ(200, listed.status) << listed.json;
  const auto body = json(listed);
  EXPECT_EQ("3.00", body->getValue<std::string>("refunded_amount"));
  EXPECT_EQ("10.00", body->getValue<std::string>("total_amount"));
  const auto refunds = body->getArray("refunds");
  ASSERT_EQ(2u, refunds->size());
  EXPECT_EQ("RF1", refunds->getObject(0)->getValue<std::string>("out_request_no"));
  EXPECT_EQ("2.00", refunds->getObject(1)->getValue<std::string>("refund_amount"));
}

TEST_F(AlipayTradeMethodsTest, TheControlApiRefusesBadRequests) {
  addTrade("PN1", "10.00", true);
  EXPECT_EQ(404, control_.handle("GET", "/sim/alipay/orders/PN9/refunds", "").status);
  EXPECT_EQ(404, control_.handle("POST", "/sim/alipay/orders/PN9/refund_failure", "").status);
  EXPECT_EQ(405, control_.handle("POST", "/sim/alipay/orders/PN1/refunds", "").status);
  EXPECT_EQ(405, control_.handle("GET", "/sim/alipay/orders/PN1/refund_failure", "").status);
  const ControlResponse unknown =
      control_.handle("POST", "/sim/alipay/orders/PN1/refund_failure", R"({"sub_code":"ACQ.TRADE_NOT_EXIST"})");
  EXPECT_EQ(400, unknown.status);
  EXPECT_EQ(400, control_.handle("POST", "/sim/alipay/orders/PN1/refund_failure", "{").status);
  EXPECT_EQ("", trade("PN1").refundFailure);
  // The trade view itself is unchanged.
  EXPECT_EQ(200, control_.handle("GET", "/sim/alipay/orders/PN1", "").status);
}

}  // namespace
}  // namespace paynext::tools::gatewaysim
