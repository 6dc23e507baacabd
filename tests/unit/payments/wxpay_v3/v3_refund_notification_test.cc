#include "core/payments/wxpay_v3/v3_refund_notification.h"

#include <functional>

#include <gtest/gtest.h>

#include "core/payments/wxpay_v3/v3_aead.h"
#include "core/payments/wxpay_v3/v3_error.h"
#include "core/payments/wxpay_v3/v3_notification.h"
#include "core/payments/wxpay_v3/v3_rsa_signature.h"
#include "tests/unit/payments/wxpay_v3/v3_test_keys.h"
#include "tests/support/error_of.h"

namespace paynext::core::payments::wxpay_v3 {
namespace {

using testing::platformKey;

const std::string kApiV3Key = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";
const std::string kSerial = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
const std::int64_t kNow = 1528425300;

// The resources below were encrypted once with Python's `cryptography`,
// independently of this code:
//   AESGCM(b"a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb").encrypt(b"5K8264ILTKCH", kRefundSuccess.encode(), b"refund")
// (and nonce b"6K8264ILTKCH" for the ABNORMAL one), base64-encoded.
const std::string kRefundSuccess =
    R"({"mchid":"1230000109","transaction_id":"4200000001201806080000000001","out_trade_no":"PN20180608103456abcd",)"
    R"("refund_id":"50000000382019052709732678859","out_refund_no":"RF20180609abcd","refund_status":"SUCCESS",)"
    R"("success_time":"2018-06-09T10:34:56+08:00","user_received_account":"招商银行信用卡0403",)"
    R"("amount":{"total":100,"refund":60,"payer_total":100,"payer_refund":60}})";
const std::string kSuccessCiphertext =
    "WGYQSp5Uc1kdc1Z/YKf+DmPgRiIqic6xN+QCmdXwQZ9/fsbfnSG8xglN9BcpzuCEOdb5nHpTUsCCWO1rHXnjSQY0G7wSRF6a5xa9YwYUditTPwQNmkEm"
    "0Zmp2Q+yxoxaorYnJaI65H3sw1QEXv0N6EcgBYqh2fVh5Jo70VDaaHxwk7TxqpFwHYA1jmYZ/qd+awx4zlr40/UxHAvXraQk1XdpAOdlSg9dwyOPP4AA"
    "Uu1lr3Ee+u4kpRmFLX2alLkDizBKeGxa1bAH48ZWgC5ayjTCNyjGNaluqltlunlFMuQ6eSPgnDzZ+n3ujke0vKyTs7U/PDFYIcAo4eK4jut8osJZ/82E"
    "ThxwOKWAkftcNRsa0m86RofU2oYVLh3anJAP3a22Trc6/XxF74IPcvEg3EM0u73Ac5ep5mLXa73Yxj+spDYFtyferkn+SXWR6bS3hERaGCdWCbKnqIBy"
    "vng6XfBBFK0EIe+Ug4EcogWtPvMRraZBRzSaf7oCuI2cTJm+rocxa+wibVBS";
const std::string kAbnormalCiphertext =
    "HqPqh7zpmFIBal3CZITMYHrI0DP1V5SuIkd0GstThKX9JGZh/xC+gRJcdoYKS5f6JQIqIcn25TrORbzjSLPgQuJi330izguVFnlQQoALd6Z3IRncMBVV"
    "LHgb0SqpD6RuRfwSnkp8sPeboqfQfY+tUrRKuYmNnKqEVrOvtlYSmrRF2oviARKiMvO3Y5AbuVK7Gwoi4Euyof6SJrgOCZzxWdi7K2ph7GbEaOeCXwY+"
    "FHZ0EJ8qSBHKOmTIqhjOXwANAK7fkUZcSWQu+lPQ9G1Svtq9oh54xRb8RFISXVKzExlCoaZgviKol4d2xe8ENJFQiERzQMpAQrT2M6jRs6Bu+y9hr366"
    "mMPdPJDyqZZz28st5gzIfQ8fh+3tmaUM49Efyf3uMNPUrJbOcoC5IuhOO3PHoAs/qDAhWr50EG4vD8/sqXNQp7/Dq5CSu9TECa5fBQcOyCd7TT+2wAIj"
    "JWg9";

const auto errorOf = paynext::testing::errorOf<WxpayV3Error>;

// The envelope as WeChat sends it (退款结果通知).
std::string bodyOf(const std::string& eventType, const std::string& ciphertext, const std::string& nonce) {
  return R"({"id":"EV-2018022511223320873","create_time":"2018-06-09T10:34:56+08:00","resource_type":"encrypt-resource",)"
         R"("event_type":")" + eventType + R"(","summary":"退款成功","resource":{"original_type":"refund",)"
         R"("algorithm":"AEAD_AES_256_GCM","ciphertext":")" + ciphertext +
         R"(","associated_data":"refund","nonce":")" + nonce + R"("}})";
}

V3SignedMessage signedByPlatform(const std::string& body, const Poco::Crypto::RSAKey& key = platformKey()) {
  V3SignedMessage m;
  m.timestamp = std::to_string(kNow);
  m.nonce = "fdasfwirfjaslkjflkaadsfajf";
  m.serial = kSerial;
  m.body = body;
  m.signature = signSha256WithRsa(key, m.timestamp + "\n" + m.nonce + "\n" + m.body + "\n");
  return m;
}

class WxpayV3RefundNotificationTest : public ::testing::Test {
 protected:
  V3RefundNotification parse(const V3SignedMessage& m) {
    return parseRefundNotification(m, verifier_, kApiV3Key, kNow);
  }
  V3ResponseVerifier verifier_{kSerial, platformKey()};
};

TEST(WxpayV3RefundResourceTest, TheKnownAnswerDecrypts) {
  EXPECT_EQ(kRefundSuccess, aeadAes256GcmDecrypt(kApiV3Key, "5K8264ILTKCH", "refund", kSuccessCiphertext));
}

TEST_F(WxpayV3RefundNotificationTest, ASuccessfulRefund) {
  const V3RefundNotification n = parse(signedByPlatform(bodyOf("REFUND.SUCCESS", kSuccessCiphertext, "5K8264ILTKCH")));
  EXPECT_EQ("EV-2018022511223320873", n.id);
  EXPECT_EQ("2018-06-09T10:34:56+08:00", n.createTime);
  EXPECT_EQ("REFUND.SUCCESS", n.eventType);
  EXPECT_EQ("退款成功", n.summary);
  EXPECT_EQ("1230000109", n.refund.mchId);
  EXPECT_EQ("PN20180608103456abcd", n.refund.outTradeNo);
  EXPECT_EQ("RF20180609abcd", n.refund.outRefundNo);
  EXPECT_EQ("50000000382019052709732678859", n.refund.refundId);
  EXPECT_EQ("4200000001201806080000000001", n.refund.transactionId);
  EXPECT_EQ("SUCCESS", n.refund.status);
  EXPECT_EQ("2018-06-09T10:34:56+08:00", n.refund.successTime);
  EXPECT_EQ(60, n.refund.refundFen);
  EXPECT_EQ(100, n.refund.totalFen);
  EXPECT_EQ(60, n.refund.payerRefundFen);
}

TEST_F(WxpayV3RefundNotificationTest, AnAbnormalRefund) {
  const V3RefundNotification n =
      parse(signedByPlatform(bodyOf("REFUND.ABNORMAL", kAbnormalCiphertext, "6K8264ILTKCH")));
  EXPECT_EQ("ABNORMAL", n.refund.status);
  EXPECT_EQ("", n.refund.successTime);
}

TEST_F(WxpayV3RefundNotificationTest, Refusals) {
  // Signed by another key.
  EXPECT_EQ("Wechatpay-Signature does not verify", errorOf([&] {
              parse(signedByPlatform(bodyOf("REFUND.SUCCESS", kSuccessCiphertext, "5K8264ILTKCH"),
                                     testing::merchantKey()));
            }));
  // Signed, but the event says another outcome than the encrypted resource.
  EXPECT_EQ("notification event_type 'REFUND.CLOSED' does not match refund_status 'SUCCESS'", errorOf([&] {
              parse(signedByPlatform(bodyOf("REFUND.CLOSED", kSuccessCiphertext, "5K8264ILTKCH")));
            }));
  EXPECT_EQ("notification event_type 'TRANSACTION.SUCCESS' is not a refund event", errorOf([&] {
              parse(signedByPlatform(bodyOf("TRANSACTION.SUCCESS", kSuccessCiphertext, "5K8264ILTKCH")));
            }));
  // The nonce of the other vector: GCM refuses it.
  EXPECT_EQ("AEAD_AES_256_GCM decryption failed: wrong APIv3 key or tampered resource", errorOf([&] {
              parse(signedByPlatform(bodyOf("REFUND.SUCCESS", kSuccessCiphertext, "6K8264ILTKCH")));
            }));
  // A pay notification's parser does not take a refund either.
  EXPECT_EQ("notification event_type 'REFUND.SUCCESS' is not a payment event", errorOf([&] {
              parseTransactionNotification(signedByPlatform(bodyOf("REFUND.SUCCESS", kSuccessCiphertext, "5K8264ILTKCH")),
                                           verifier_, kApiV3Key, kNow);
            }));
}

TEST(WxpayV3RefundResourceTest, ResourceRefusals) {
  EXPECT_EQ("refund has no string 'mchid'", errorOf([&] {
              parseRefundResource(R"({"refund_id":"5","out_refund_no":"R","out_trade_no":"P","refund_status":"SUCCESS",)"
                                  R"("amount":{"total":100,"refund":60}})");
            }));
  EXPECT_EQ("refund has no amount", errorOf([&] {
              parseRefundResource(
                  R"({"mchid":"1","refund_id":"5","out_refund_no":"R","out_trade_no":"P","refund_status":"SUCCESS"})");
            }));
  EXPECT_EQ("refund has no string 'refund_status'", errorOf([&] {
              parseRefundResource(R"({"mchid":"1","refund_id":"5","out_refund_no":"R","out_trade_no":"P",)"
                                  R"("status":"SUCCESS","amount":{"total":100,"refund":60}})");
            }));
  EXPECT_EQ("refund amount field 'refund' is not an integer", errorOf([&] {
              parseRefund(R"({"refund_id":"5","out_refund_no":"R","out_trade_no":"P","status":"SUCCESS",)"
                          R"("amount":{"total":100,"refund":"60"}})");
            }));
}

}  // namespace
}  // namespace paynext::core::payments::wxpay_v3
