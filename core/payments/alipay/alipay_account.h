#pragma once
#include "core/payments/alipay_channel_config.h"
#include "core/payments/configured_account.h"

namespace paynext::core::payments::alipay {

// An application on Alipay: the order string or page URL signed here (nothing
// is sent when a payment is created), notifications verified with the Alipay
// public key, alipay.trade.query.
class AlipayAccount : public ConfiguredAccount<AlipayChannelConfig> {
 public:
  using ConfiguredAccount::ConfiguredAccount;

  PlacedOrder place(const ChannelOrder& order) const override;
  NotificationReading readNotification(const std::string& notifyPath, const InboundMessage& message) const override;
  std::optional<PaymentReport> query(const std::string& outTradeId) const override;
  void close(const std::string& outTradeId) const override;
  RefundReport refund(const ChannelRefund& refund) const override;
  std::optional<RefundReport> queryRefund(const std::string& outTradeId, const std::string& outRefundNo) const override;
};

}  // namespace paynext::core::payments::alipay
