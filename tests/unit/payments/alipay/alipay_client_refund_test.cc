// AlipayClient's close, refund and refund query (alipay.trade.close,
// alipay.trade.refund, alipay.trade.fastpay.refund.query) against a local
// stand-in gateway. Answer nodes follow the documents' examples.
#include <string>

#include <gtest/gtest.h>

#include "core/payments/alipay/alipay_client.h"
#include "tests/support/rsa_test_keys.h"
#include "tests/unit/payments/alipay/alipay_client_fixture.h"

namespace paynext::core::payments::alipay {
namespace {

using paynext::testing::merchantKeys;

using AlipayRefundClientTest = AlipayClientFixture;

const std::string kClose = "alipay.trade.close";
const std::string kRefund = "alipay.trade.refund";
const std::string kRefundQuery = "alipay.trade.fastpay.refund.query";

const std::string kClosedNode =
    R"({"code":"10000","msg":"Success","out_trade_no":"PN1","trade_no":"2024010222001424331234567890"})";

const std::string kRefundedNode =
    R"({"code":"10000","msg":"Success","buyer_logon_id":"159****5620","buyer_user_id":"2088101117955611",)"
    R"("fund_change":"Y","gmt_refund_pay":"2024-01-03 10:11:12","out_trade_no":"PN1","refund_fee":"30.01",)"
    R"("send_back_fee":"0.00","trade_no":"2024010222001424331234567890"})";

const std::string kRefundFoundNode =
    R"({"code":"10000","msg":"Success","out_request_no":"RF1","out_trade_no":"PN1","refund_amount":"12.30",)"
    R"("refund_status":"REFUND_SUCCESS","total_amount":"88.88","trade_no":"2024010222001424331234567890"})";

std::string businessFailure(const std::string& subCode, const std::string& subMsg) {
  return R"({"code":"40004","msg":"Business Failed","sub_code":")" + subCode + R"(","sub_msg":")" + subMsg +
         R"(","out_trade_no":"PN1","refund_fee":"0.00","send_back_fee":"0.00"})";
}

// The common request parameters every call carries.
void expectCommonParams(const Params& sent, const std::string& method) {
  EXPECT_EQ("2021000000000001", sent.at("app_id"));
  EXPECT_EQ(method, sent.at("method"));
  EXPECT_EQ("JSON", sent.at("format"));
  EXPECT_EQ("utf-8", sent.at("charset"));
  EXPECT_EQ("RSA2", sent.at("sign_type"));
  EXPECT_EQ("1.0", sent.at("version"));
  EXPECT_EQ(19u, sent.at("timestamp").size());
  EXPECT_EQ(9u, sent.size());
}

RefundRequest refundOf(sdk::Fen fen, const std::string& reason = {}) { return {"PN1", "RF1", fen, reason}; }

// --- alipay.trade.close

TEST_F(AlipayRefundClientTest, TradeCloseSendsTheDocumentedRequest) {
  gateway_->reply([](const Params&) { return signedAnswer(kClose, kClosedNode); });
  AlipayClient(config()).tradeClose("PN1");
  const Params sent = lastSignedRequest();
  expectCommonParams(sent, kClose);
  EXPECT_EQ(R"({"out_trade_no":"PN1"})", sent.at("biz_content"));
}

TEST_F(AlipayRefundClientTest, TradeCloseRefusalsAreToldApartBySubCode) {
  gateway_->reply([](const Params&) {
    return signedAnswer(kClose, R"({"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_NOT_EXIST",)"
                                R"("sub_msg":"交易不存在"})");
  });
  AlipayError notOpened = failureOf([&] { AlipayClient(config()).tradeClose("PN1"); });
  EXPECT_EQ("alipay.trade.close failed: 40004 Business Failed (ACQ.TRADE_NOT_EXIST 交易不存在)",
            std::string(notOpened.what()));
  EXPECT_EQ("40004", notOpened.code());
  EXPECT_EQ("ACQ.TRADE_NOT_EXIST", notOpened.subCode());

  gateway_->reply([](const Params&) {
    return signedAnswer(kClose, R"({"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_STATUS_ERROR",)"
                                R"("sub_msg":"交易状态不合法"})");
  });
  AlipayError paid = failureOf([&] { AlipayClient(config()).tradeClose("PN1"); });
  EXPECT_EQ("ACQ.TRADE_STATUS_ERROR", paid.subCode());
}

TEST_F(AlipayRefundClientTest, TradeCloseAnswersAreVerified) {
  gateway_->reply([](const Params&) { return signedAnswer(kClose, kClosedNode, merchantKeys().key); });
  EXPECT_EQ("alipay.trade.close: the answer's signature is wrong",
            errorOf([&] { AlipayClient(config()).tradeClose("PN1"); }));
  // A forged refusal must not pass for "never opened".
  gateway_->reply([](const Params&) {
    return signedAnswer(kClose, R"({"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_NOT_EXIST"})",
                        merchantKeys().key);
  });
  EXPECT_EQ("", failureOf([&] { AlipayClient(config()).tradeClose("PN1"); }).subCode());
  gateway_->reply([](const Params&) { return signedAnswer(kClose, kClosedNode); });
  EXPECT_EQ("alipay.trade.close: the answer is for another order",
            errorOf([&] { AlipayClient(config()).tradeClose("PN2"); }));
  // A trade.query answer is not a close answer.
  gateway_->reply([](const Params&) { return signedAnswer("alipay.trade.query", kClosedNode); });
  EXPECT_EQ(0u, errorOf([&] { AlipayClient(config()).tradeClose("PN1"); })
                    .find("alipay.trade.close: unreadable answer: no alipay_trade_close_response object"));
}

TEST_F(AlipayRefundClientTest, TradeCloseNeedsAnOutTradeNo) {
  EXPECT_EQ("alipay.trade.close: out_trade_no is required", errorOf([&] { AlipayClient(config()).tradeClose(""); }));
  EXPECT_EQ("", gateway_->lastUri());
}

// --- alipay.trade.refund

TEST_F(AlipayRefundClientTest, TradeRefundSendsTheDocumentedRequestAndReadsTheRefund) {
  gateway_->reply([](const Params&) { return signedAnswer(kRefund, kRefundedNode); });
  const RefundResult result = AlipayClient(config()).tradeRefund(refundOf(1230, "商品退货"));
  EXPECT_TRUE(result.fundChange);
  EXPECT_EQ(3001, result.refundFeeFen);
  EXPECT_EQ("2024010222001424331234567890", result.tradeNo);
  EXPECT_EQ("PN1", result.outTradeNo);
  EXPECT_EQ("2024-01-03 10:11:12", result.gmtRefundPay);

  const Params sent = lastSignedRequest();
  expectCommonParams(sent, kRefund);
  EXPECT_EQ(R"({"out_request_no":"RF1","out_trade_no":"PN1","refund_amount":"12.30","refund_reason":"商品退货"})",
            sent.at("biz_content"));
}

TEST_F(AlipayRefundClientTest, TradeRefundWithoutReasonSendsNone) {
  gateway_->reply([](const Params&) { return signedAnswer(kRefund, kRefundedNode); });
  AlipayClient(config()).tradeRefund(refundOf(1));
  EXPECT_EQ(R"({"out_request_no":"RF1","out_trade_no":"PN1","refund_amount":"0.01"})",
            lastSignedRequest().at("biz_content"));
}

TEST_F(AlipayRefundClientTest, ARepeatedRefundAnswersFundChangeN) {
  gateway_->reply([](const Params&) {
    std::string node = kRefundedNode;
    return signedAnswer(kRefund, node.replace(node.find(R"("Y")"), 3, R"("N")"));
  });
  const RefundResult result = AlipayClient(config()).tradeRefund(refundOf(1230));
  EXPECT_FALSE(result.fundChange);
  EXPECT_EQ(3001, result.refundFeeFen);
}

TEST_F(AlipayRefundClientTest, TradeRefundRefusalsCarryTheirSubCode) {
  const std::pair<std::string, std::string> refusals[] = {
      {"ACQ.TRADE_NOT_EXIST", "交易不存在"},
      {"ACQ.TRADE_STATUS_ERROR", "交易状态非法"},
      {"ACQ.REASON_TRADE_REFUND_FEE_ERR", "退款金额无效"},
      {"ACQ.DISCORDANT_REPEAT_REQUEST", "不一致的请求"},
      {"ACQ.SELLER_BALANCE_NOT_ENOUGH", "卖家余额不足"},
  };
  for (const auto& [subCode, subMsg] : refusals) {
    gateway_->reply([&](const Params&) { return signedAnswer(kRefund, businessFailure(subCode, subMsg)); });
    const AlipayError e = failureOf([&] { AlipayClient(config()).tradeRefund(refundOf(1230)); });
    EXPECT_EQ("alipay.trade.refund failed: 40004 Business Failed (" + subCode + " " + subMsg + ")",
              std::string(e.what()));
    EXPECT_EQ("40004", e.code());
    EXPECT_EQ(subCode, e.subCode());
  }
}

TEST_F(AlipayRefundClientTest, TradeRefundAnswersAreVerified) {
  gateway_->reply([](const Params&) { return signedAnswer(kRefund, kRefundedNode, merchantKeys().key); });
  EXPECT_EQ("alipay.trade.refund: the answer's signature is wrong",
            errorOf([&] { AlipayClient(config()).tradeRefund(refundOf(1230)); }));
  gateway_->reply([](const Params&) {
    std::string body = signedAnswer(kRefund, kRefundedNode);
    return body.replace(body.find("30.01"), 5, "99.99");
  });
  EXPECT_EQ("alipay.trade.refund: the answer's signature is wrong",
            errorOf([&] { AlipayClient(config()).tradeRefund(refundOf(1230)); }));
  gateway_->reply([](const Params&) {
    return signedAnswer(kRefund, businessFailure("ACQ.SELLER_BALANCE_NOT_ENOUGH", "卖家余额不足"), merchantKeys().key);
  });
  EXPECT_EQ("", failureOf([&] { AlipayClient(config()).tradeRefund(refundOf(1230)); }).subCode());
}

TEST_F(AlipayRefundClientTest, InconsistentRefundAnswersAreErrors) {
  const auto replyWith = [&](const std::string& from, const std::string& to) {
    gateway_->reply([from, to](const Params&) {
      std::string node = kRefundedNode;
      return signedAnswer(kRefund, node.replace(node.find(from), from.size(), to));
    });
  };
  replyWith("30.01", "30.011");
  EXPECT_EQ("alipay.trade.refund: the answer's refund_fee is not an amount in yuan",
            errorOf([&] { AlipayClient(config()).tradeRefund(refundOf(1230)); }));
  replyWith("30.01", "12.29");
  EXPECT_EQ("alipay.trade.refund: the answer's refund_fee is less than the refund asked for",
            errorOf([&] { AlipayClient(config()).tradeRefund(refundOf(1230)); }));
  replyWith(R"("fund_change":"Y")", R"("fund_change":"")");
  EXPECT_EQ("alipay.trade.refund: the answer's fund_change is not Y or N",
            errorOf([&] { AlipayClient(config()).tradeRefund(refundOf(1230)); }));
  replyWith(R"("out_trade_no":"PN1")", R"("out_trade_no":"PN2")");
  EXPECT_EQ("alipay.trade.refund: the answer is for another order",
            errorOf([&] { AlipayClient(config()).tradeRefund(refundOf(1230)); }));
}

TEST_F(AlipayRefundClientTest, BadRefundRequestsAreRefusedBeforeSending) {
  AlipayClient client(config());
  EXPECT_EQ("alipay.trade.refund: out_trade_no is required",
            errorOf([&] { client.tradeRefund({"", "RF1", 100, ""}); }));
  EXPECT_EQ("alipay.trade.refund: out_request_no is required",
            errorOf([&] { client.tradeRefund({"PN1", "", 100, ""}); }));
  EXPECT_EQ("alipay.trade.refund: out_request_no is longer than 64 characters",
            errorOf([&] { client.tradeRefund({"PN1", std::string(65, 'R'), 100, ""}); }));
  EXPECT_EQ("alipay.trade.refund: out_trade_no is longer than 64 characters",
            errorOf([&] { client.tradeRefund({std::string(65, 'P'), "RF1", 100, ""}); }));
  EXPECT_EQ("alipay.trade.refund: refund_amount must be above 0", errorOf([&] { client.tradeRefund(refundOf(0)); }));
  EXPECT_EQ("alipay.trade.refund: refund_amount must be above 0", errorOf([&] { client.tradeRefund(refundOf(-1)); }));
  std::string reason;
  for (int i = 0; i < 257; ++i) reason += "退";
  EXPECT_EQ("alipay.trade.refund: refund_reason is longer than 256 characters",
            errorOf([&] { client.tradeRefund(refundOf(1, reason)); }));
  EXPECT_EQ("", gateway_->lastUri());
  // 256 characters of three bytes each are within the limit.
  gateway_->reply([](const Params&) { return signedAnswer(kRefund, kRefundedNode); });
  reason.erase(reason.size() - 3);
  EXPECT_EQ("no error", errorOf([&] { client.tradeRefund(refundOf(1, reason)); }));
}

// --- alipay.trade.fastpay.refund.query

TEST_F(AlipayRefundClientTest, RefundQuerySendsTheDocumentedRequestAndReadsTheRefund) {
  gateway_->reply([](const Params&) { return signedAnswer(kRefundQuery, kRefundFoundNode); });
  const RefundQueryResult result = AlipayClient(config()).refundQuery("PN1", "RF1");
  EXPECT_TRUE(result.refunded());
  EXPECT_EQ("REFUND_SUCCESS", result.refundStatus);
  EXPECT_EQ(1230, result.refundFen);
  EXPECT_EQ(8888, result.totalFen);
  EXPECT_EQ("2024010222001424331234567890", result.tradeNo);
  EXPECT_EQ("RF1", result.outRequestNo);

  const Params sent = lastSignedRequest();
  expectCommonParams(sent, kRefundQuery);
  EXPECT_EQ(R"({"out_request_no":"RF1","out_trade_no":"PN1"})", sent.at("biz_content"));
}

TEST_F(AlipayRefundClientTest, ARefundAlipayDoesNotHaveIsNotRefunded) {
  gateway_->reply([](const Params&) {
    return signedAnswer(kRefundQuery, R"({"code":"10000","msg":"Success","out_request_no":"RF1","out_trade_no":"PN1",)"
                                      R"("trade_no":"2024010222001424331234567890"})");
  });
  const RefundQueryResult result = AlipayClient(config()).refundQuery("PN1", "RF1");
  EXPECT_FALSE(result.refunded());
  EXPECT_EQ("", result.refundStatus);
  EXPECT_EQ(0, result.refundFen);
  EXPECT_EQ(0, result.totalFen);
}

TEST_F(AlipayRefundClientTest, RefundQueryRefusalsAndBadAnswers) {
  gateway_->reply([](const Params&) {
    return signedAnswer(kRefundQuery, R"({"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_NOT_EXIST",)"
                                      R"("sub_msg":"交易不存在"})");
  });
  EXPECT_EQ("ACQ.TRADE_NOT_EXIST", failureOf([&] { AlipayClient(config()).refundQuery("PN1", "RF1"); }).subCode());

  gateway_->reply([](const Params&) { return signedAnswer(kRefundQuery, kRefundFoundNode, merchantKeys().key); });
  EXPECT_EQ("alipay.trade.fastpay.refund.query: the answer's signature is wrong",
            errorOf([&] { AlipayClient(config()).refundQuery("PN1", "RF1"); }));

  const auto replyWith = [&](const std::string& from, const std::string& to) {
    gateway_->reply([from, to](const Params&) {
      std::string node = kRefundFoundNode;
      return signedAnswer(kRefundQuery, node.replace(node.find(from), from.size(), to));
    });
  };
  replyWith(R"("out_request_no":"RF1")", R"("out_request_no":"RF2")");
  EXPECT_EQ("alipay.trade.fastpay.refund.query: the answer is for another refund",
            errorOf([&] { AlipayClient(config()).refundQuery("PN1", "RF1"); }));
  replyWith(R"("out_trade_no":"PN1")", R"("out_trade_no":"PN2")");
  EXPECT_EQ("alipay.trade.fastpay.refund.query: the answer is for another order",
            errorOf([&] { AlipayClient(config()).refundQuery("PN1", "RF1"); }));
  replyWith(R"("refund_amount":"12.30",)", "");
  EXPECT_EQ("alipay.trade.fastpay.refund.query: the answer's refund_amount is not an amount in yuan",
            errorOf([&] { AlipayClient(config()).refundQuery("PN1", "RF1"); }));
  replyWith("REFUND_SUCCESS", "REFUND_MAYBE");
  EXPECT_EQ("alipay.trade.fastpay.refund.query: unknown refund_status REFUND_MAYBE",
            errorOf([&] { AlipayClient(config()).refundQuery("PN1", "RF1"); }));

  gateway_->forget();
  EXPECT_EQ("alipay.trade.fastpay.refund.query: out_request_no is required",
            errorOf([&] { AlipayClient(config()).refundQuery("PN1", ""); }));
  EXPECT_EQ("", gateway_->lastUri());
}

}  // namespace
}  // namespace paynext::core::payments::alipay
