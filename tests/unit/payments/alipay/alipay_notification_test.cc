#include "core/payments/alipay/alipay_notification.h"

#include <gtest/gtest.h>

#include "core/payments/alipay/alipay_form.h"
#include "core/payments/alipay/alipay_keys.h"
#include "tests/support/rsa_test_keys.h"

namespace paynext::core::payments::alipay {
namespace {

using paynext::testing::alipayKeys;
using paynext::testing::merchantKeys;

// The fields of a TRADE_SUCCESS notification, shaped like the example of the
// "异步通知" document (values made up).
Params notifyFields() {
  return {{"gmt_create", "2024-01-02 03:04:05"},
          {"charset", "utf-8"},
          {"seller_email", "shop@example.com"},
          {"subject", "充值 a&b=c"},
          {"buyer_id", "2088102122524333"},
          {"invoice_amount", "0.01"},
          {"notify_id", "2024010200222030405012345678901234"},
          {"fund_bill_list", R"([{"amount":"0.01","fundChannel":"ALIPAYACCOUNT"}])"},
          {"notify_type", "trade_status_sync"},
          {"trade_status", "TRADE_SUCCESS"},
          {"receipt_amount", "0.01"},
          {"app_id", "2021000000000001"},
          {"buyer_pay_amount", "0.01"},
          {"seller_id", "2088102119685838"},
          {"gmt_payment", "2024-01-02 03:04:09"},
          {"notify_time", "2024-01-02 03:04:10"},
          {"version", "1.0"},
          {"out_trade_no", "PN20240102030405abcd"},
          {"total_amount", "0.01"},
          {"trade_no", "2024010222001424331234567890"},
          {"auth_app_id", "2021000000000001"},
          {"buyer_logon_id", "159****5620"},
          {"point_amount", "0.00"}};
}

// Signs like Alipay (over everything but sign and sign_type), adds
// sign_type=RSA2 and the sign, and form-encodes.
std::string signedBody(Params fields, const Poco::Crypto::RSAKey& key = alipayKeys().key) {
  fields["sign"] = rsa2Sign(signContent(fields, Purpose::Notify), key);
  fields["sign_type"] = "RSA2";
  return encodeForm(fields);
}

TEST(AlipayNotificationTest, ASignedNotificationParses) {
  const NotificationResult result = parseNotification(signedBody(notifyFields()), alipayKeys().key);
  ASSERT_TRUE(result.ok()) << result.message;
  EXPECT_EQ(NotificationError::None, result.error);
  EXPECT_EQ("", result.message);
  const AlipayNotification& n = result.notification;
  EXPECT_EQ("2021000000000001", n.appId);
  EXPECT_EQ("TRADE_SUCCESS", n.tradeStatus);
  EXPECT_EQ("PN20240102030405abcd", n.outTradeNo);
  EXPECT_EQ("2024010222001424331234567890", n.tradeNo);
  EXPECT_EQ(1, n.totalFen);
  EXPECT_EQ("充值 a&b=c", n.params.at("subject"));
  EXPECT_EQ("RSA2", n.params.at("sign_type"));
}

TEST(AlipayNotificationTest, TheAlipayPublicKeyAsConfiguredVerifies) {
  EXPECT_TRUE(parseNotification(signedBody(notifyFields()), loadPublicKey(alipayKeys().publicBody)).ok());
}

TEST(AlipayNotificationTest, PlusIsASpaceAndPercentTwoBIsAPlus) {
  Params fields = notifyFields();
  fields["subject"] = "a+b c";
  fields["sign"] = rsa2Sign(signContent(fields, Purpose::Notify), alipayKeys().key);
  // The test keys are made for each run: about one signature in 250 has no
  // '+', and then sending it raw would change nothing. Take one that has.
  for (int i = 0; fields["sign"].find('+') == std::string::npos; ++i) {
    fields["notify_id"] = "20240102002220304050" + std::to_string(i);
    fields["sign"] = rsa2Sign(signContent(fields, Purpose::Notify), alipayKeys().key);
  }
  // Written by hand: '+' for the spaces, %2B for the plus signs, the
  // timestamps' spaces as '+' too.
  std::string body;
  for (const auto& [k, v] : fields) {
    std::string value = urlEncode(v);
    if (k == "subject") value = "a%2Bb+c";
    body += (body.empty() ? "" : "&") + k + "=" + value;
  }
  ASSERT_NE(std::string::npos, body.find("gmt_create=2024-01-02+03%3A04%3A05"));
  const NotificationResult result = parseNotification(body, alipayKeys().key);
  ASSERT_TRUE(result.ok()) << result.message;
  EXPECT_EQ("a+b c", result.notification.params.at("subject"));
  EXPECT_EQ("2024-01-02 03:04:05", result.notification.params.at("gmt_create"));
  // The sign itself is base64 with '+': sent raw it would decode to spaces.
  const std::string sign = fields["sign"];
  ASSERT_NE(std::string::npos, sign.find('+'));
  std::string raw = body;
  raw.replace(raw.find("&sign=") + 6, urlEncode(sign).size(), sign);
  EXPECT_EQ(NotificationError::BadSignature, parseNotification(raw, alipayKeys().key).error);
}

TEST(AlipayNotificationTest, EmptyValuesAreNotSigned) {
  Params fields = notifyFields();
  const std::string sign = rsa2Sign(signContent(fields, Purpose::Notify), alipayKeys().key);
  const std::string body = encodeForm(fields) + "&passback_params=&body=&sign_type=RSA2&sign=" + urlEncode(sign);
  const NotificationResult result = parseNotification(body, alipayKeys().key);
  ASSERT_TRUE(result.ok()) << result.message;
  EXPECT_EQ("", result.notification.params.at("passback_params"));
}

TEST(AlipayNotificationTest, SignTypeIsNotSigned) {
  // Signed the request way (sign_type included): not how Alipay signs notifications.
  Params fields = notifyFields();
  fields["sign_type"] = "RSA2";
  fields["sign"] = rsa2Sign(signContent(fields, Purpose::Request), alipayKeys().key);
  const NotificationResult result = parseNotification(encodeForm(fields), alipayKeys().key);
  EXPECT_EQ(NotificationError::BadSignature, result.error);
  EXPECT_EQ("the notification's signature is wrong", result.message);
  // And a notification without sign_type at all verifies the same.
  Params bare = notifyFields();
  bare["sign"] = rsa2Sign(signContent(bare, Purpose::Notify), alipayKeys().key);
  EXPECT_TRUE(parseNotification(encodeForm(bare), alipayKeys().key).ok());
}

TEST(AlipayNotificationTest, AnotherKeyIsRefused) {
  const NotificationResult result = parseNotification(signedBody(notifyFields(), merchantKeys().key), alipayKeys().key);
  EXPECT_EQ(NotificationError::BadSignature, result.error);
  EXPECT_FALSE(result.ok());
}

TEST(AlipayNotificationTest, TamperedFieldsAreRefused) {
  std::string body = signedBody(notifyFields());
  body.replace(body.find("total_amount=0.01"), 17, "total_amount=9.01");
  EXPECT_EQ(NotificationError::BadSignature, parseNotification(body, alipayKeys().key).error);
  // An added field is refused too.
  EXPECT_EQ(NotificationError::BadSignature,
            parseNotification(signedBody(notifyFields()) + "&refund_fee=0.01", alipayKeys().key).error);
}

TEST(AlipayNotificationTest, AmountsAreExactFen) {
  Params fields = notifyFields();
  fields["total_amount"] = "1234.5";
  const NotificationResult result = parseNotification(signedBody(fields), alipayKeys().key);
  ASSERT_TRUE(result.ok()) << result.message;
  EXPECT_EQ(123450, result.notification.totalFen);

  for (const std::string amount : {"1.001", "-1.00", "1e2", " 1.00", "", "abc"}) {
    fields["total_amount"] = amount;
    const NotificationResult bad = parseNotification(signedBody(fields), alipayKeys().key);
    EXPECT_EQ(NotificationError::BadAmount, bad.error) << amount;
  }
  fields["total_amount"] = "1.001";
  EXPECT_EQ("the notification's total_amount is not an amount in yuan: '1.001'",
            parseNotification(signedBody(fields), alipayKeys().key).message);
}

TEST(AlipayNotificationTest, MissingSignIsRefused) {
  const NotificationResult result = parseNotification(encodeForm(notifyFields()), alipayKeys().key);
  EXPECT_EQ(NotificationError::MissingSign, result.error);
  EXPECT_EQ("the notification is not signed", result.message);
  EXPECT_EQ(NotificationError::MissingSign,
            parseNotification(encodeForm(notifyFields()) + "&sign=", alipayKeys().key).error);
}

TEST(AlipayNotificationTest, BadFormsAreRefused) {
  NotificationResult result = parseNotification("trade_status=%ZZ", alipayKeys().key);
  EXPECT_EQ(NotificationError::BadForm, result.error);
  EXPECT_EQ("not a form: URI encoding: not a hex digit", result.message);
  // A repeated field: which value did Alipay sign?
  result = parseNotification(signedBody(notifyFields()) + "&total_amount=100.00", alipayKeys().key);
  EXPECT_EQ(NotificationError::BadForm, result.error);
  EXPECT_EQ("not a form: field 'total_amount' is given twice", result.message);
}

TEST(AlipayNotificationTest, SignedButIncompleteIsRefused) {
  Params fields = notifyFields();
  fields.erase("out_trade_no");
  const NotificationResult result = parseNotification(signedBody(fields), alipayKeys().key);
  EXPECT_EQ(NotificationError::MissingField, result.error);
  EXPECT_EQ("the notification lacks app_id, out_trade_no or trade_status", result.message);
}

}  // namespace
}  // namespace paynext::core::payments::alipay
