#include "core/payments/wxpay_v3/v3_notification.h"

#include <functional>

#include <Poco/JSON/Object.h>
#include <gtest/gtest.h>

#include "core/payments/wxpay_v3/v3_aead.h"
#include "core/payments/wxpay_v3/v3_error.h"
#include "core/payments/wxpay_v3/v3_rsa_signature.h"
#include "tests/unit/payments/wxpay_v3/v3_test_keys.h"
#include "tests/support/error_of.h"

namespace paynext::core::payments::wxpay_v3 {
namespace {

using testing::merchantKey;
using testing::platformKey;

const std::string kApiV3Key = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";
const std::string kSerial = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
const std::int64_t kNow = 1528425300;
const std::string kTransaction =
    R"({"transaction_id":"4200000001201806080000000001","amount":{"payer_total":100,"total":100,"currency":"CNY",)"
    R"("payer_currency":"CNY"},"mchid":"1230000109","trade_state":"SUCCESS","bank_type":"CMC",)"
    R"("success_time":"2018-06-08T10:34:56+08:00","payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},)"
    R"("out_trade_no":"PN20180608103456abcd","appid":"wxd678efh567hg6787","trade_state_desc":"支付成功",)"
    R"("trade_type":"JSAPI"})";

const auto errorOf = paynext::testing::errorOf<WxpayV3Error>;

struct Envelope {
  std::string eventType = "TRANSACTION.SUCCESS";
  std::string algorithm = kAeadAes256Gcm;
  std::string key = kApiV3Key;  // what the "platform" encrypts with
  std::string plaintext = kTransaction;
  std::string associatedData = "transaction";
  std::string nonce = "fdasflkja484";
};

std::string bodyOf(const Envelope& e) {
  Poco::JSON::Object::Ptr resource = new Poco::JSON::Object;
  resource->set("original_type", "transaction");
  resource->set("algorithm", e.algorithm);
  resource->set("ciphertext", aeadAes256GcmEncrypt(e.key, e.nonce, e.associatedData, e.plaintext));
  resource->set("associated_data", e.associatedData);
  resource->set("nonce", e.nonce);
  Poco::JSON::Object body;
  body.set("id", "EV-2018022511223320873");
  body.set("create_time", "2018-06-08T10:34:56+08:00");
  body.set("resource_type", "encrypt-resource");
  body.set("event_type", e.eventType);
  body.set("summary", "支付成功");
  body.set("resource", resource);
  std::ostringstream out;
  body.stringify(out);
  return out.str();
}

// The notification as WeChat would send it: body signed by the platform key.
V3SignedMessage notification(const std::string& body, std::int64_t timestamp = kNow) {
  V3SignedMessage m;
  m.timestamp = std::to_string(timestamp);
  m.nonce = "fdasfwirfjaslkjflkaadsfajf";
  m.serial = kSerial;
  m.body = body;
  m.signature = signSha256WithRsa(platformKey(), m.timestamp + "\n" + m.nonce + "\n" + m.body + "\n");
  return m;
}

class WxpayV3NotificationTest : public ::testing::Test {
 protected:
  V3Notification parse(const V3SignedMessage& m) { return parseTransactionNotification(m, verifier_, kApiV3Key, kNow); }
  V3ResponseVerifier verifier_{kSerial, platformKey()};
};

TEST_F(WxpayV3NotificationTest, EndToEnd) {
  const V3Notification n = parse(notification(bodyOf(Envelope{})));
  EXPECT_EQ("EV-2018022511223320873", n.id);
  EXPECT_EQ("2018-06-08T10:34:56+08:00", n.createTime);
  EXPECT_EQ("TRANSACTION.SUCCESS", n.eventType);
  EXPECT_EQ("encrypt-resource", n.resourceType);
  EXPECT_EQ("支付成功", n.summary);
  EXPECT_EQ("PN20180608103456abcd", n.transaction.outTradeNo);
  EXPECT_EQ("4200000001201806080000000001", n.transaction.transactionId);
  EXPECT_EQ("SUCCESS", n.transaction.tradeState);
  EXPECT_EQ(100, n.transaction.totalFen);
  EXPECT_EQ("wxd678efh567hg6787", n.transaction.appId);
  EXPECT_EQ("1230000109", n.transaction.mchId);
  EXPECT_EQ("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", n.transaction.payerOpenid);
}

TEST_F(WxpayV3NotificationTest, AnEmptyAssociatedDataIsFine) {
  Envelope e;
  e.associatedData = "";
  EXPECT_EQ("PN20180608103456abcd", parse(notification(bodyOf(e))).transaction.outTradeNo);
}

TEST_F(WxpayV3NotificationTest, TamperedBodyIsRefusedBeforeDecryption) {
  V3SignedMessage m = notification(bodyOf(Envelope{}));
  const auto at = m.body.find("TRANSACTION.SUCCESS");
  m.body.replace(at, 19, "TRANSACTION.SUCCESs");
  EXPECT_EQ("Wechatpay-Signature does not verify", errorOf([&] { parse(m); }));
  EXPECT_EQ("Wechatpay-Signature does not verify", errorOf([&] {
              V3SignedMessage forged = notification(bodyOf(Envelope{}));
              forged.signature =
                  signSha256WithRsa(merchantKey(), forged.timestamp + "\n" + forged.nonce + "\n" + forged.body + "\n");
              parse(forged);
            }));
  EXPECT_EQ("Wechatpay-Timestamp is 301 seconds off the local clock (more than 300)",
            errorOf([&] { parse(notification(bodyOf(Envelope{}), kNow - 301)); }));
}

TEST_F(WxpayV3NotificationTest, ResourceThatDoesNotDecryptIsRefused) {
  const std::string failed = "AEAD_AES_256_GCM decryption failed: wrong APIv3 key or tampered resource";
  Envelope wrongKey;
  wrongKey.key = "b7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";
  EXPECT_EQ(failed, errorOf([&] { parse(notification(bodyOf(wrongKey))); }));

  // A signed body whose associated_data was changed after encryption.
  std::string body = bodyOf(Envelope{});
  body.replace(body.find("\"associated_data\":\"transaction\""), 31, "\"associated_data\":\"transactiom\"");
  EXPECT_EQ(failed, errorOf([&] { parse(notification(body)); }));
}

TEST_F(WxpayV3NotificationTest, EnvelopeRefusals) {
  Envelope refund;
  refund.eventType = "REFUND.SUCCESS";
  EXPECT_EQ("notification event_type 'REFUND.SUCCESS' is not a payment event",
            errorOf([&] { parse(notification(bodyOf(refund))); }));
  Envelope otherAlgorithm;
  otherAlgorithm.algorithm = "AEAD_SM4_GCM";
  EXPECT_EQ("notification resource algorithm 'AEAD_SM4_GCM' is not AEAD_AES_256_GCM",
            errorOf([&] { parse(notification(bodyOf(otherAlgorithm))); }));
  Envelope unpaid;
  unpaid.plaintext = R"({"appid":"a","mchid":"m","out_trade_no":"o","trade_state":"SUCCESS"})";
  EXPECT_EQ("transaction in state SUCCESS has no transaction_id",
            errorOf([&] { parse(notification(bodyOf(unpaid))); }));
  EXPECT_EQ("notification is not a JSON object", errorOf([&] { parse(notification("<xml/>")); }));
  EXPECT_EQ("notification has no resource",
            errorOf([&] { parse(notification(R"({"id":"EV-1","event_type":"TRANSACTION.SUCCESS"})")); }));
  EXPECT_EQ("notification resource has no string 'nonce'", errorOf([&] {
              parse(notification(R"({"id":"EV-1","event_type":"TRANSACTION.SUCCESS",)"
                                 R"("resource":{"algorithm":"AEAD_AES_256_GCM","ciphertext":"AAAA"}})"));
            }));
}

TEST(WxpayV3ReplyTest, SuccessIsAnEmptyOkAndFailureIsJson) {
  const V3Reply ok = v3Reply(true, "ignored");
  EXPECT_EQ(200, ok.status);
  EXPECT_EQ("", ok.body);

  const V3Reply failed = v3Reply(false, "签名错误");
  EXPECT_EQ(500, failed.status);
  EXPECT_EQ(R"({"code":"FAIL","message":"签名错误"})", failed.body);

  EXPECT_EQ(401, v3Reply(false, "bad \"sig\"", 401).status);
  EXPECT_EQ(R"({"code":"FAIL","message":"bad \"sig\""})", v3Reply(false, "bad \"sig\"", 401).body);
  EXPECT_EQ(500, v3Reply(false, "x", 200).status);  // a failure is never a 2xx
  EXPECT_EQ(R"({"code":"FAIL","message":"FAIL"})", v3Reply(false).body);
}

}  // namespace
}  // namespace paynext::core::payments::wxpay_v3
