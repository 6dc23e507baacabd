#pragma once
// The WeChat Pay v2 refund result notification (退款结果通知): a flat <xml>
// whose req_info is AES-256-ECB (PKCS#7) under the lowercase hex MD5 of the
// merchant's API key, base64-encoded; its plaintext is a <root> document.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/payments/wxpay/wxpay_sign.h"
#include "core/payments/wxpay/wxpay_v2_client.h"

namespace paynext::core::payments::wxpay {

// Notifications are a few hundred bytes; anything past this is refused unread.
inline constexpr std::size_t kMaxRefundNotificationBytes = 64 * 1024;

// What the notification says about one refund. Amounts in fen.
struct RefundNotice {
  std::string transactionId;
  std::string outTradeNo;
  std::string outRefundNo;
  std::string refundId;
  std::int64_t totalFee = 0;
  std::int64_t refundFee = 0;
  std::int64_t settlementRefundFee = 0;
  std::string refundStatus;      // SUCCESS, CHANGE or REFUNDCLOSE
  std::string successTime;       // "yyyy-MM-dd HH:mm:ss", present when SUCCESS
  std::string refundRecvAccout;  // sic: WeChat's spelling of the field
};

// The fields of req_info's <root> document. Throws WxpayError (never quoting
// the key or the plaintext) when req_info is not base64, not whole AES
// blocks, does not decrypt to valid padding under this key, or does not hold
// a flat <root> document.
Fields decryptRefundInfo(const std::string& reqInfoBase64, const std::string& apiKey);

// req_info for `info`, as WeChat makes it: the inverse of decryptRefundInfo,
// for the gateway simulator and tests.
std::string encryptRefundInfo(const Fields& info, const std::string& apiKey);

// Checks a refund notification's body (bounded size, return_code SUCCESS,
// appid and mch_id of config's merchant), decrypts req_info with config's API
// key and reads the refund. Throws WxpayError on any failure. The outer
// message carries no signature: req_info decrypting under the key is what
// proves it comes from WeChat.
RefundNotice parseRefundNotification(const std::string& xmlBody, const WxpayV2Config& config);

}  // namespace paynext::core::payments::wxpay
