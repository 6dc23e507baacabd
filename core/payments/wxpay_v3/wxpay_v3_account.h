#pragma once
#include "core/payments/configured_account.h"
#include "core/payments/wxpay_v3/v3_response_verifier.h"
#include "core/payments/wxpay_channel_config.h"

namespace paynext::core::payments::wxpay_v3 {

// A merchant on WeChat Pay API v3: RSA-signed requests and answers, prepay
// with the client parameters signed by the merchant key, notifications
// verified with the platform keys and decrypted with the APIv3 key.
class WxpayV3Account : public ConfiguredAccount<WxpayChannelConfig> {
 public:
  using ConfiguredAccount::ConfiguredAccount;

  // JSAPI needs the payer's openid.
  void checkOrder(const ChannelOrder& order) const override;
  // POST /v3/pay/transactions/jsapi (app: /app); JSAPI params {appId,
  // timeStamp, nonceStr, package, signType=RSA, paySign}, APP {appid,
  // partnerid, prepayid, package=Sign=WXPay, noncestr, timestamp, sign}.
  PlacedOrder place(const ChannelOrder& order) const override;
  // Signature, serial and replay window (against message.receivedAt) first:
  // nothing unverified is parsed.
  NotificationReading readNotification(const std::string& notifyPath, const InboundMessage& message) const override;
  std::optional<PaymentReport> query(const std::string& outTradeId) const override;
  void close(const std::string& outTradeId) const override;
  RefundReport refund(const ChannelRefund& refund) const override;
  std::optional<RefundReport> queryRefund(const std::string& outTradeId, const std::string& outRefundNo) const override;

 private:
  NotificationReading readRefund(const V3SignedMessage& message, const V3ResponseVerifier& verifier,
                                 std::int64_t receivedAt) const;
};

}  // namespace paynext::core::payments::wxpay_v3
