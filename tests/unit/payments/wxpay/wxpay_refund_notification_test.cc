#include "core/payments/wxpay/wxpay_refund_notification.h"

#include <functional>

#include <gtest/gtest.h>

#include "core/payments/wxpay/wxpay_xml.h"
#include "tests/support/error_of.h"

namespace paynext::core::payments::wxpay {
namespace {

const std::string kKey = "192006250b4c09247ec02edce69f6a2d";  // MD5: d96eb16afdd491fa1e705096edbc2205

// req_info made with the openssl command line, independently of the code
// under test:
//   printf '%s' '<root>...</root>' | openssl enc -aes-256-ecb -K $(printf '%s' d96eb16afdd491fa1e705096edbc2205 | xxd -p -c 64) | base64 -w0
// where <root>...</root> is kPlainText below, exactly.
const std::string kPlainText =
    "<root><out_refund_no><![CDATA[RF20240101000001]]></out_refund_no><out_trade_no><![CDATA[PN20240101000000abcd]]>"
    "</out_trade_no><refund_account><![CDATA[REFUND_SOURCE_RECHARGE_FUNDS]]></refund_account><refund_fee><![CDATA[50]]>"
    "</refund_fee><refund_id><![CDATA[50000408942018111907145868882]]></refund_id><refund_recv_accout><![CDATA["
    "支付用户零钱]]></refund_recv_accout><refund_request_source><![CDATA[API]]></refund_request_source><refund_status>"
    "<![CDATA[SUCCESS]]></refund_status><settlement_refund_fee><![CDATA[50]]></settlement_refund_fee>"
    "<settlement_total_fee><![CDATA[101]]></settlement_total_fee><success_time><![CDATA[2024-01-01 12:00:05]]>"
    "</success_time><total_fee><![CDATA[101]]></total_fee><transaction_id><![CDATA[4200000001202401010000000001]]>"
    "</transaction_id></root>";
const std::string kReqInfo =
    "WBzGpzQuNpcFxIlFjUUD9FS4tLqEQ5H8bdh90ek2njNWClTGijS6p4YMkhthxnuXxyIJDKwsKMcMuxrZm5SNh/oJNlm+UsOmQERpH5oyCFs+6v5SC8/"
    "aBFlaI2P8f5mH6XcDAgiNxn0jiwX/6eDsrR1nrAkQoHW5zvGly7JQ97A97Fs1zZeFWOQRbpmt0USXv1SVI0MN7mVOlWZOm53CmckyUyRjFP/"
    "EIwRSxqXoTgjIssHRq2VICY9Hn6oN+cY4C73LXze5iL94h5+AN4Jur2lZ50hqMTFToxmu/qK6yPdRo5o9d5y1DFib6EUBMg4DchVzKY1y6XLzbXtnCG7A"
    "ElHdBfl4X7JG+vy+iLtrtll8jatZe/HQI0F5oeDl+F+OBUyKaPMXklJhJHRHyo/K5biD/QVTamlvD+M3d9pcA5X/X5WXm+sNbGDaGJab0kK20nmQAcP/"
    "1cHqF8zQEfiLB/9n8Vk74QK87YD1u6qekJ67zZZ8NETTsfZquj0jqE3jPzW1WawXCebA09h/A1ukhxS67h6D/yO+BottyQEALMoLpRJEPoddhilc4hAY"
    "rfWfFR+XzLc27WZyv5673YY1nBa1fj+Eorgndx3fNxf3KAYa3LPgsjvZgxaeYyrhV05KVHCeUY+xJzyC0MMcmy3iooEhFpcGBhBZ6vQG+lerQLWh5eDS"
    "dMU5WuiPYv5W4nCmTuENpwTbm4+DcZQUkW9Gylp3jiImCeMx4UZt7HkUtnjfIY5svVfUuDXk0woa3qczejyeLszpJy6W3tJZ48ZdqO6iXUzLvQQASwAT"
    "moH/YSbQDh20THOah6QUMlb3ak/enkEPE5aEUVcoKxfNsXc78dKGp5s8bTHr2Q8Z7Yv6B74NwBdo4/hzXldRwSJiWj0zI1pIwftOD5wmIOra7o83LZvj"
    "tG2E6x5tDeDfzak6kObXETcSQmX4n1Yksvk3mDguQvpItiXBSgaLUTlf044H6lAG9FCHb8mt3rgn6DAYqE5kCC0F7Nyaq4s95WlBhVtdwnsRlJ9B1Ku8"
    "0jTHb+phcvwXAd2fVvyZUPuCqJRycuk=";
// One block whose padding byte is 'A' (0x41, more than a block), made with
//   printf 'AAAAAAAAAAAAAAAA' | openssl enc -aes-256-ecb -nopad -K $(printf '%s' d96eb16afdd491fa1e705096edbc2205 | xxd -p -c 64) | base64 -w0
const std::string kBadPadding = "NjGau0nHJOc+5woogcv3VA==";

const auto errorOf = paynext::testing::errorOf<WxpayError>;

WxpayV2Config merchant() {
  WxpayV2Config c;
  c.appId = "wxd930ea5d5a258f4f";
  c.mchId = "10000100";
  c.apiKey = kKey;
  return c;
}

std::string notification(const std::string& reqInfo, const std::string& mchId = "10000100") {
  return toXml({{"return_code", "SUCCESS"},
                {"appid", "wxd930ea5d5a258f4f"},
                {"mch_id", mchId},
                {"nonce_str", "TeqClE3i0mvn3DrK"},
                {"req_info", reqInfo}});
}

TEST(WxpayRefundInfoTest, DecryptsTheOpensslVector) {
  const Fields info = decryptRefundInfo(kReqInfo, kKey);
  EXPECT_EQ(parseXml(kPlainText, "root"), info);
  EXPECT_EQ("RF20240101000001", info.at("out_refund_no"));
  EXPECT_EQ("支付用户零钱", info.at("refund_recv_accout"));
  EXPECT_EQ(13u, info.size());
}

TEST(WxpayRefundInfoTest, EncryptIsTheOpensslCommand) {
  // ECB is deterministic: the same plaintext gives openssl's ciphertext.
  EXPECT_EQ(kReqInfo, encryptRefundInfo(parseXml(kPlainText, "root"), kKey));
}

TEST(WxpayRefundInfoTest, AWrongKeyIsRefused) {
  EXPECT_EQ("refund req_info does not decrypt under the API key (bad padding)",
            errorOf([] { decryptRefundInfo(kReqInfo, "00000000000000000000000000000000"); }));
}

TEST(WxpayRefundInfoTest, BadBase64IsRefused) {
  EXPECT_EQ("refund req_info is not base64", errorOf([] { decryptRefundInfo("not*base64", kKey); }));
  EXPECT_EQ("refund req_info is not base64", errorOf([] { decryptRefundInfo(kReqInfo.substr(1), kKey); }));
}

TEST(WxpayRefundInfoTest, BadPaddingIsRefused) {
  EXPECT_EQ("refund req_info does not decrypt under the API key (bad padding)",
            errorOf([] { decryptRefundInfo(kBadPadding, kKey); }));
}

TEST(WxpayRefundInfoTest, PartialBlocksAreRefused) {
  EXPECT_EQ("refund req_info is not a whole number of AES blocks",
            errorOf([] { decryptRefundInfo("QUFBQQ==", kKey); }));
  EXPECT_EQ("refund req_info is not a whole number of AES blocks", errorOf([] { decryptRefundInfo("", kKey); }));
}

TEST(WxpayRefundInfoTest, APlaintextThatIsNotARootDocumentIsRefused) {
  // printf '%s' '<xml><a>1</a></xml>' | openssl enc -aes-256-ecb -K $(printf '%s' d96eb16afdd491fa1e705096edbc2205 | xxd -p -c 64) | base64 -w0
  EXPECT_EQ("refund req_info does not decrypt to a <root> document",
            errorOf([] { decryptRefundInfo("xZ0hxRTdeouM5QH1JTkbqhArjeRmZ151s3BMTlgnQQk=", kKey); }));
}

TEST(WxpayRefundNotificationTest, ReadsTheRefund) {
  const RefundNotice notice = parseRefundNotification(notification(kReqInfo), merchant());
  EXPECT_EQ("4200000001202401010000000001", notice.transactionId);
  EXPECT_EQ("PN20240101000000abcd", notice.outTradeNo);
  EXPECT_EQ("RF20240101000001", notice.outRefundNo);
  EXPECT_EQ("50000408942018111907145868882", notice.refundId);
  EXPECT_EQ(101, notice.totalFee);
  EXPECT_EQ(50, notice.refundFee);
  EXPECT_EQ(50, notice.settlementRefundFee);
  EXPECT_EQ("SUCCESS", notice.refundStatus);
  EXPECT_EQ("2024-01-01 12:00:05", notice.successTime);
  EXPECT_EQ("支付用户零钱", notice.refundRecvAccout);
}

TEST(WxpayRefundNotificationTest, RefusesAnotherMerchantsNotification) {
  EXPECT_EQ("refund notification: for another merchant",
            errorOf([] { parseRefundNotification(notification(kReqInfo, "10000101"), merchant()); }));
}

TEST(WxpayRefundNotificationTest, RefusesReturnCodeFail) {
  EXPECT_EQ("refund notification: return_code is not SUCCESS", errorOf([] {
              parseRefundNotification(toXml({{"return_code", "FAIL"}, {"return_msg", "x"}}), merchant());
            }));
}

TEST(WxpayRefundNotificationTest, RefusesAMissingReqInfo) {
  EXPECT_EQ("refund notification: no req_info", errorOf([] { parseRefundNotification(notification(""), merchant()); }));
}

TEST(WxpayRefundNotificationTest, RefusesAnOversizedBody) {
  EXPECT_EQ("refund notification larger than 65536 bytes", errorOf([] {
              parseRefundNotification(notification(std::string(kMaxRefundNotificationBytes, 'A')), merchant());
            }));
}

TEST(WxpayRefundNotificationTest, RefusesAReqInfoUnderAnotherKey) {
  EXPECT_EQ("refund req_info does not decrypt under the API key (bad padding)", errorOf([] {
              WxpayV2Config other = merchant();
              other.apiKey = "00000000000000000000000000000000";
              parseRefundNotification(notification(kReqInfo), other);
            }));
}

Fields refundInfo() { return parseXml(kPlainText, "root"); }

TEST(WxpayRefundNotificationTest, RefusesAnUnknownStatusAndBadAmounts) {
  Fields info = refundInfo();
  info["refund_status"] = "PROCESSING";
  EXPECT_EQ("refund notification: refund_status is not SUCCESS, CHANGE or REFUNDCLOSE",
            errorOf([&] { parseRefundNotification(notification(encryptRefundInfo(info, kKey)), merchant()); }));
  info = refundInfo();
  info["refund_fee"] = "-5";
  EXPECT_EQ("refund notification: refund_fee is not a number of fen",
            errorOf([&] { parseRefundNotification(notification(encryptRefundInfo(info, kKey)), merchant()); }));
  info["refund_fee"] = "102";
  EXPECT_EQ("refund notification: refund_fee is not within total_fee",
            errorOf([&] { parseRefundNotification(notification(encryptRefundInfo(info, kKey)), merchant()); }));
  info = refundInfo();
  info.erase("out_refund_no");
  EXPECT_EQ("refund notification: req_info has no out_refund_no",
            errorOf([&] { parseRefundNotification(notification(encryptRefundInfo(info, kKey)), merchant()); }));
}

TEST(WxpayRefundNotificationTest, AClosedRefundNeedsNoSuccessTime) {
  Fields info = refundInfo();
  info["refund_status"] = "REFUNDCLOSE";
  info.erase("success_time");
  EXPECT_EQ("REFUNDCLOSE",
            parseRefundNotification(notification(encryptRefundInfo(info, kKey)), merchant()).refundStatus);
  info["refund_status"] = "SUCCESS";
  EXPECT_EQ("refund notification: req_info has no success_time",
            errorOf([&] { parseRefundNotification(notification(encryptRefundInfo(info, kKey)), merchant()); }));
}

}  // namespace
}  // namespace paynext::core::payments::wxpay
