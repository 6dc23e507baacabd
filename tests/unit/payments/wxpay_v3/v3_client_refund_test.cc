// WxpayV3Client's 关闭订单, 退款申请 and 查询单笔退款 against a local
// stand-in gateway. Answers follow the documents' examples.
#include <string>

#include <gtest/gtest.h>

#include "core/payments/wxpay_v3/v3_client.h"
#include "core/payments/wxpay_v3/v3_json.h"
#include "tests/unit/payments/wxpay_v3/v3_client_fixture.h"

namespace paynext::core::payments::wxpay_v3 {
namespace {

using WxpayV3RefundClientTest = WxpayV3ClientFixture;

// A refund as 退款申请 and 查询单笔退款 answer it.
std::string refundAnswer(const std::string& status = "PROCESSING", const std::string& outRefundNo = "RF1",
                         std::int64_t refund = 60) {
  return R"({"refund_id":"50000000382019052709732678859","out_refund_no":")" + outRefundNo +
         R"(","transaction_id":"4200000001201806080000000001","out_trade_no":"PN1","channel":"ORIGINAL",)"
         R"("user_received_account":"招商银行信用卡0403",)" +
         (status == "SUCCESS" ? std::string(R"("success_time":"2020-12-01T16:18:12+08:00",)") : std::string()) +
         R"("create_time":"2020-12-01T16:18:12+08:00","status":")" + status +
         R"(","funds_account":"AVAILABLE","amount":{"total":100,"refund":)" + std::to_string(refund) +
         R"(,"payer_total":100,"payer_refund":)" + std::to_string(refund) +
         R"(,"settlement_refund":60,"settlement_total":100,"discount_refund":0,"currency":"CNY"}})";
}

V3RefundRequest refundOf(std::int64_t fen = 60) {
  V3RefundRequest r;
  r.outTradeNo = "PN1";
  r.outRefundNo = "RF1";
  r.reason = "商品已售完";
  r.notifyUrl = "https://paynext.example/notify/wxpay-v3-refund/demo";
  r.refundFen = fen;
  r.totalFen = 100;
  return r;
}

// --- 关闭订单

TEST_F(WxpayV3RefundClientTest, CloseOrderPostsTheMchidAndTakesA204) {
  gateway_->respond([](const Received&) { return Reply{204, ""}; });
  client().closeOrder("PN|1");
  const Received r = gateway_->last();
  EXPECT_EQ("POST", r.method);
  EXPECT_EQ("/v3/pay/transactions/out-trade-no/PN%7C1/close", r.uri);
  EXPECT_EQ("application/json", r.contentType);
  EXPECT_EQ(R"({"mchid":"1230000109"})", r.body);
  expectSignedByMerchant(r);
}

TEST_F(WxpayV3RefundClientTest, CloseOrderRefusalsAndForgedAnswers) {
  gateway_->respond([](const Received&) { return Reply{404, R"({"code":"ORDER_NOT_EXIST","message":"订单不存在"})"}; });
  std::string code;
  EXPECT_EQ("close failed: HTTP 404 ORDER_NOT_EXIST 订单不存在", errorOf([&] { client().closeOrder("PN1"); }, &code));
  EXPECT_EQ("ORDER_NOT_EXIST", code);
  // An answer not signed by the platform is no proof the order closed.
  gateway_->respond([](const Received&) { return Reply{204, "", true, &merchantKey()}; });
  EXPECT_EQ("close: the answer's signature is not valid: Wechatpay-Signature does not verify",
            errorOf([&] { client().closeOrder("PN1"); }));
  gateway_->respond([](const Received&) { return Reply{204, "", false}; });
  EXPECT_EQ("close: the answer's signature is not valid: missing Wechatpay-Serial header",
            errorOf([&] { client().closeOrder("PN1"); }));
  gateway_->respond([](const Received&) { return Reply{404, R"({"code":"ORDER_NOT_EXIST"})", true, &merchantKey()}; });
  code = "unset";
  errorOf([&] { client().closeOrder("PN1"); }, &code);
  EXPECT_EQ("", code);
  EXPECT_EQ("close: out_trade_no is required", errorOf([&] { client().closeOrder(""); }));
}

// --- 退款申请

TEST_F(WxpayV3RefundClientTest, RefundPostsTheDocumentedBodyAndReadsTheRefund) {
  gateway_->respond([](const Received&) { return Reply{200, refundAnswer()}; });
  const V3Refund r = client().refund(refundOf());
  EXPECT_EQ("50000000382019052709732678859", r.refundId);
  EXPECT_EQ("RF1", r.outRefundNo);
  EXPECT_EQ("PN1", r.outTradeNo);
  EXPECT_EQ("4200000001201806080000000001", r.transactionId);
  EXPECT_EQ("PROCESSING", r.status);
  EXPECT_EQ(60, r.refundFen);
  EXPECT_EQ(100, r.totalFen);
  EXPECT_EQ(60, r.payerRefundFen);
  EXPECT_EQ("", r.successTime);

  const Received sent = gateway_->last();
  EXPECT_EQ("POST", sent.method);
  EXPECT_EQ("/v3/refund/domestic/refunds", sent.uri);
  EXPECT_EQ("application/json", sent.contentType);
  expectSignedByMerchant(sent);
  EXPECT_EQ(R"({"out_trade_no":"PN1","out_refund_no":"RF1","reason":"商品已售完",)"
            R"("notify_url":"https://paynext.example/notify/wxpay-v3-refund/demo",)"
            R"("amount":{"refund":60,"total":100,"currency":"CNY"}})",
            sent.body);
}

TEST_F(WxpayV3RefundClientTest, ARefundWithoutReasonOrNotifyUrlSendsNeither) {
  gateway_->respond([](const Received&) { return Reply{200, refundAnswer("SUCCESS")}; });
  V3RefundRequest request = refundOf();
  request.reason.clear();
  request.notifyUrl.clear();
  const V3Refund r = client().refund(request);
  EXPECT_EQ("SUCCESS", r.status);
  EXPECT_EQ("2020-12-01T16:18:12+08:00", r.successTime);
  EXPECT_EQ(R"({"out_trade_no":"PN1","out_refund_no":"RF1","amount":{"refund":60,"total":100,"currency":"CNY"}})",
            gateway_->last().body);
}

TEST_F(WxpayV3RefundClientTest, RefundRefusalsCarryTheirSignedCode) {
  const std::tuple<int, std::string, std::string> refusals[] = {
      {403, "NOT_ENOUGH", "基本账户余额不足，请充值后重新发起"},
      {404, "RESOURCE_NOT_EXISTS", "订单不存在"},
      {400, "INVALID_REQUEST", "申请退款金额超过订单可退金额"},
  };
  for (const auto& [status, code, message] : refusals) {
    gateway_->respond([&, status = status](const Received&) {
      return Reply{status, R"({"code":")" + code + R"(","message":")" + message + R"("})"};
    });
    std::string got;
    EXPECT_EQ("refund failed: HTTP " + std::to_string(status) + " " + code + " " + message,
              errorOf([&] { client().refund(refundOf()); }, &got));
    EXPECT_EQ(code, got);
  }
}

TEST_F(WxpayV3RefundClientTest, RefundAnswersAreVerifiedAndMatched) {
  gateway_->respond([](const Received&) { return Reply{200, refundAnswer(), true, &merchantKey()}; });
  EXPECT_EQ("refund: the answer's signature is not valid: Wechatpay-Signature does not verify",
            errorOf([&] { client().refund(refundOf()); }));
  gateway_->respond([](const Received&) { return Reply{200, refundAnswer("PROCESSING", "RF2")}; });
  EXPECT_EQ("refund: the answer is for another refund", errorOf([&] { client().refund(refundOf()); }));
  gateway_->respond([](const Received&) { return Reply{200, refundAnswer("PROCESSING", "RF1", 59)}; });
  EXPECT_EQ("refund: the answer's amount differs from the request", errorOf([&] { client().refund(refundOf()); }));
  gateway_->respond([](const Received&) { return Reply{200, refundAnswer("REFUNDED")}; });
  EXPECT_EQ("refund status 'REFUNDED' is not SUCCESS, CLOSED, PROCESSING or ABNORMAL",
            errorOf([&] { client().refund(refundOf()); }));
  gateway_->respond([](const Received&) {
    std::string body = refundAnswer();
    return Reply{200, body.replace(body.find(R"("refund":60)"), 11, R"("refund":160)")};
  });
  EXPECT_EQ("refund amount needs 0 < refund <= total", errorOf([&] { client().refund(refundOf()); }));
}

TEST_F(WxpayV3RefundClientTest, BadRefundRequestsAreRefusedBeforeSending) {
  gateway_->respond([](const Received&) { return Reply{500, ""}; });
  V3RefundRequest noId = refundOf();
  noId.outRefundNo.clear();
  EXPECT_EQ("refund: out_trade_no and out_refund_no are required", errorOf([&] { client().refund(noId); }));
  V3RefundRequest longId = refundOf();
  longId.outRefundNo = std::string(65, 'R');
  EXPECT_EQ("refund: out_refund_no is longer than 64 characters", errorOf([&] { client().refund(longId); }));
  longId = refundOf();
  longId.outTradeNo = std::string(33, 'P');
  EXPECT_EQ("refund: out_trade_no is longer than 32 characters", errorOf([&] { client().refund(longId); }));
  V3RefundRequest longReason = refundOf();
  longReason.reason.clear();
  for (int i = 0; i < 81; ++i) longReason.reason += "退";
  EXPECT_EQ("refund: reason is longer than 80 characters", errorOf([&] { client().refund(longReason); }));
  for (const std::int64_t fen : {0, -1, 101}) {
    EXPECT_EQ("refund: amount.refund must be above 0 and at most amount.total",
              errorOf([&] { client().refund(refundOf(fen)); }))
        << fen;
  }
  EXPECT_EQ("", gateway_->last().uri);
}

// --- 查询单笔退款

TEST_F(WxpayV3RefundClientTest, QueryRefundGetsTheRefund) {
  gateway_->respond([](const Received&) { return Reply{200, refundAnswer("SUCCESS", "RF/1")}; });
  const V3Refund r = client().queryRefund("RF/1");
  EXPECT_EQ("SUCCESS", r.status);
  EXPECT_EQ(60, r.refundFen);
  const Received sent = gateway_->last();
  EXPECT_EQ("GET", sent.method);
  EXPECT_EQ("/v3/refund/domestic/refunds/RF%2F1", sent.uri);
  EXPECT_EQ("", sent.body);
  expectSignedByMerchant(sent);
}

TEST_F(WxpayV3RefundClientTest, QueryRefundRefusals) {
  gateway_->respond([](const Received&) {
    return Reply{404, R"({"code":"RESOURCE_NOT_EXISTS","message":"退款单不存在"})"};
  });
  std::string code;
  EXPECT_EQ("refund query failed: HTTP 404 RESOURCE_NOT_EXISTS 退款单不存在",
            errorOf([&] { client().queryRefund("RF1"); }, &code));
  EXPECT_EQ("RESOURCE_NOT_EXISTS", code);
  gateway_->respond([](const Received&) { return Reply{200, refundAnswer("SUCCESS", "RF2")}; });
  EXPECT_EQ("refund query: the answer is for another refund", errorOf([&] { client().queryRefund("RF1"); }));
  gateway_->respond([](const Received&) { return Reply{200, refundAnswer("CLOSED"), true, &merchantKey()}; });
  EXPECT_EQ("refund query: the answer's signature is not valid: Wechatpay-Signature does not verify",
            errorOf([&] { client().queryRefund("RF1"); }));
  EXPECT_EQ("refund query: out_refund_no is required", errorOf([&] { client().queryRefund(""); }));
}

}  // namespace
}  // namespace paynext::core::payments::wxpay_v3
