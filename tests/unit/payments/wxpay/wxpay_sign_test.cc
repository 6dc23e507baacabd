#include "core/payments/wxpay/wxpay_sign.h"

#include <gtest/gtest.h>

namespace paynext::core::payments::wxpay {
namespace {

// The worked example of WeChat Pay v2 "安全规范 / 签名算法".
const std::string kKey = "192006250b4c09247ec02edce69f6a2d";

Fields officialExample() {
  return {{"appid", "wxd930ea5d5a258f4f"},
          {"mch_id", "10000100"},
          {"device_info", "1000"},
          {"body", "test"},
          {"nonce_str", "ibuaiVcKdpRxkhJA"}};
}

TEST(WxpaySignTest, PayloadIsSortedAndJoined) {
  EXPECT_EQ("appid=wxd930ea5d5a258f4f&body=test&device_info=1000&mch_id=10000100&nonce_str=ibuaiVcKdpRxkhJA",
            signPayload(officialExample()));
}

TEST(WxpaySignTest, PayloadSortsByAsciiSoUpperCaseComesFirst) {
  EXPECT_EQ("B=2&_=3&a=1", signPayload({{"a", "1"}, {"B", "2"}, {"_", "3"}}));
}

TEST(WxpaySignTest, PayloadSkipsEmptyValuesAndSign) {
  Fields fields = officialExample();
  fields["attach"] = "";
  fields["sign"] = "ANYTHING";
  EXPECT_EQ(signPayload(officialExample()), signPayload(fields));
  EXPECT_EQ(sign(officialExample(), kKey, SignType::Md5), sign(fields, kKey, SignType::Md5));
}

TEST(WxpaySignTest, OfficialMd5Example) {
  EXPECT_EQ("9A0A8659F005D6984697E2CA0A9CF3B7", sign(officialExample(), kKey, SignType::Md5));
}

TEST(WxpaySignTest, OfficialHmacSha256Example) {
  EXPECT_EQ("6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6",
            sign(officialExample(), kKey, SignType::HmacSha256));
}

TEST(WxpaySignTest, VerifyAcceptsTheRightSign) {
  Fields fields = officialExample();
  fields["sign"] = "9A0A8659F005D6984697E2CA0A9CF3B7";
  EXPECT_TRUE(verify(fields, kKey, SignType::Md5));
  fields["sign"] = "6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6";
  EXPECT_TRUE(verify(fields, kKey, SignType::HmacSha256));
}

TEST(WxpaySignTest, VerifyDetectsTampering) {
  Fields fields = officialExample();
  fields["sign"] = sign(fields, kKey, SignType::Md5);
  Fields changed = fields;
  changed["body"] = "test2";
  EXPECT_FALSE(verify(changed, kKey, SignType::Md5));
  Fields added = fields;
  added["total_fee"] = "1";
  EXPECT_FALSE(verify(added, kKey, SignType::Md5));
  EXPECT_FALSE(verify(fields, kKey + "x", SignType::Md5));
  EXPECT_FALSE(verify(fields, kKey, SignType::HmacSha256));
  Fields lower = fields;
  lower["sign"] = "9a0a8659f005d6984697e2ca0a9cf3b7";
  EXPECT_FALSE(verify(lower, kKey, SignType::Md5));
}

TEST(WxpaySignTest, VerifyRefusesMissingOrEmptySign) {
  Fields fields = officialExample();
  EXPECT_FALSE(verify(fields, kKey, SignType::Md5));
  fields["sign"] = "";
  EXPECT_FALSE(verify(fields, kKey, SignType::Md5));
}

TEST(WxpaySignTest, SignTypeNames) {
  EXPECT_EQ(SignType::Md5, parseSignType("MD5"));
  EXPECT_EQ(SignType::HmacSha256, parseSignType("HMAC-SHA256"));
  EXPECT_FALSE(parseSignType("md5"));
  EXPECT_FALSE(parseSignType("SHA256"));
  EXPECT_EQ("MD5", signTypeName(SignType::Md5));
  EXPECT_EQ("HMAC-SHA256", signTypeName(SignType::HmacSha256));
}

TEST(WxpaySignTest, NotificationSignTypeDefaultsToMd5) {
  EXPECT_EQ(SignType::Md5, notificationSignType({{"return_code", "SUCCESS"}}));
  EXPECT_EQ(SignType::Md5, notificationSignType({{"sign_type", "MD5"}}));
  EXPECT_EQ(SignType::HmacSha256, notificationSignType({{"sign_type", "HMAC-SHA256"}}));
  EXPECT_FALSE(notificationSignType({{"sign_type", "RSA"}}));
}

// A refund request (申请退款) as WxpayV2Client::refund sends it, signed;
// the expected values from the openssl command line over the sorted payload:
//   P='appid=wxd930ea5d5a258f4f&mch_id=10000100&nonce_str=6cefdb308e1e2e8aabd48cf79e546a02&out_refund_no=RF20240101000001&out_trade_no=PN20240101000000abcd&refund_fee=50&sign_type=MD5&total_fee=101'
//   printf '%s' "$P&key=192006250b4c09247ec02edce69f6a2d" | openssl md5
// and, with sign_type=HMAC-SHA256 in P,
//   printf '%s' "$P&key=192006250b4c09247ec02edce69f6a2d" | openssl dgst -sha256 -hmac 192006250b4c09247ec02edce69f6a2d
Fields refundRequest(const std::string& signType) {
  return {{"appid", "wxd930ea5d5a258f4f"},
          {"mch_id", "10000100"},
          {"nonce_str", "6cefdb308e1e2e8aabd48cf79e546a02"},
          {"out_refund_no", "RF20240101000001"},
          {"out_trade_no", "PN20240101000000abcd"},
          {"refund_fee", "50"},
          {"sign_type", signType},
          {"total_fee", "101"}};
}

TEST(WxpaySignTest, RefundRequestMd5) {
  EXPECT_EQ("DD44A2EE22AD59EE2ECFD3A5EC86911F", sign(refundRequest("MD5"), kKey, SignType::Md5));
}

TEST(WxpaySignTest, RefundRequestHmacSha256) {
  EXPECT_EQ("6EFEA4B476AD8C9437E9D777076864044F1D7C40B8F76402704F3ACD62159C0A",
            sign(refundRequest("HMAC-SHA256"), kKey, SignType::HmacSha256));
}

}  // namespace
}  // namespace paynext::core::payments::wxpay
