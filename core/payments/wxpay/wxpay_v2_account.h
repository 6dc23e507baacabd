#pragma once
#include "core/payments/configured_account.h"
#include "core/payments/wxpay_channel_config.h"

namespace paynext::core::payments::wxpay {

// A merchant on WeChat Pay API v2: unifiedorder with the signed client
// parameters (JSAPI: wx.requestPayment; APP: the open SDK's PayReq), the
// signed XML notifications, orderquery.
class WxpayV2Account : public ConfiguredAccount<WxpayChannelConfig> {
 public:
  using ConfiguredAccount::ConfiguredAccount;

  PlacedOrder place(const ChannelOrder& order) const override;
  NotificationReading readNotification(const std::string& notifyPath, const InboundMessage& message) const override;
  std::optional<PaymentReport> query(const std::string& outTradeId) const override;
  void close(const std::string& outTradeId) const override;
  // secapi/pay/refund needs the merchant's API certificate.
  void checkRefund() const override;
  RefundReport refund(const ChannelRefund& refund) const override;
  std::optional<RefundReport> queryRefund(const std::string& outTradeId, const std::string& outRefundNo) const override;
};

}  // namespace paynext::core::payments::wxpay
