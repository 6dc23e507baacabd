#include "core/payments/wxpay_v3/v3_transaction.h"

#include <functional>

#include <gtest/gtest.h>

#include "core/payments/wxpay_v3/v3_error.h"
#include "tests/support/error_of.h"

namespace paynext::core::payments::wxpay_v3 {
namespace {

const auto errorOf = paynext::testing::errorOf<WxpayV3Error>;

TEST(WxpayV3TransactionTest, ReadsThePaidTransactionOfTheDocumentation) {
  const V3Transaction t = parseTransaction(
      R"({"transaction_id":"1217752501201407033233368018","amount":{"payer_total":100,"total":100,"currency":"CNY",)"
      R"("payer_currency":"CNY"},"mchid":"1230000109","trade_state":"SUCCESS","bank_type":"CMC","promotion_detail":[],)"
      R"("success_time":"2018-06-08T10:34:56+08:00","payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},)"
      R"("out_trade_no":"1217752501201407033233368018","appid":"wxd678efh567hg6787","trade_state_desc":"支付成功",)"
      R"("trade_type":"MICROPAY","attach":"自定义数据","scene_info":{"device_id":"013467007045764"}})");
  EXPECT_EQ("wxd678efh567hg6787", t.appId);
  EXPECT_EQ("1230000109", t.mchId);
  EXPECT_EQ("1217752501201407033233368018", t.outTradeNo);
  EXPECT_EQ("1217752501201407033233368018", t.transactionId);
  EXPECT_EQ("MICROPAY", t.tradeType);
  EXPECT_EQ("SUCCESS", t.tradeState);
  EXPECT_EQ("支付成功", t.tradeStateDesc);
  EXPECT_EQ("2018-06-08T10:34:56+08:00", t.successTime);
  EXPECT_EQ(100, t.totalFen);
  EXPECT_EQ("CNY", t.currency);
  EXPECT_EQ("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", t.payerOpenid);
}

TEST(WxpayV3TransactionTest, AnUnpaidOrderNeedsNoTransactionId) {
  const V3Transaction t = parseTransaction(
      R"({"amount":{"payer_currency":"CNY","total":1},"appid":"wxd678efh567hg6787","mchid":"1230000109",)"
      R"("out_trade_no":"PN1","promotion_detail":[],"scene_info":{"device_id":""},"trade_state":"NOTPAY",)"
      R"("trade_state_desc":"订单未支付","transaction_id":null})");
  EXPECT_EQ("NOTPAY", t.tradeState);
  EXPECT_EQ("", t.transactionId);
  EXPECT_EQ(1, t.totalFen);
}

TEST(WxpayV3TransactionTest, Refusals) {
  EXPECT_EQ("transaction is not a JSON object", errorOf([] { parseTransaction("[1]"); }));
  EXPECT_EQ("transaction is not a JSON object", errorOf([] { parseTransaction("{"); }));
  EXPECT_EQ("transaction has no string 'out_trade_no'",
            errorOf([] { parseTransaction(R"({"appid":"a","mchid":"m","trade_state":"NOTPAY"})"); }));
  EXPECT_EQ("transaction has no string 'mchid'",
            errorOf([] { parseTransaction(R"({"appid":"a","mchid":1,"out_trade_no":"o","trade_state":"NOTPAY"})"); }));
  const std::string head = R"({"appid":"a","mchid":"m","out_trade_no":"o","trade_state":"SUCCESS",)";
  EXPECT_EQ("transaction in state SUCCESS has no transaction_id",
            errorOf([&] { parseTransaction(head + R"("amount":{"total":1}})"); }));
  EXPECT_EQ("transaction in state SUCCESS has no positive amount.total",
            errorOf([&] { parseTransaction(head + R"("transaction_id":"t"})"); }));
  EXPECT_EQ("transaction amount field 'total' is not an integer",
            errorOf([&] { parseTransaction(head + R"("transaction_id":"t","amount":{"total":"100"}})"); }));
  EXPECT_EQ("transaction amount field 'total' is not an integer",
            errorOf([&] { parseTransaction(head + R"("transaction_id":"t","amount":{"total":1.5}})"); }));
  EXPECT_EQ("transaction field 'amount' is not an object",
            errorOf([&] { parseTransaction(head + R"("transaction_id":"t","amount":100})"); }));
}

}  // namespace
}  // namespace paynext::core::payments::wxpay_v3
