#pragma once
#include "core/payments/alipay_channel_config.h"
#include "core/payments/payment_channel.h"

namespace paynext::core::payments::alipay {

// An application on Alipay: the order string or page URL signed here (nothing
// is sent when a payment is created), notifications verified with the Alipay
// public key, alipay.trade.query.
class AlipayAccount : public ChannelAccount {
 public:
  explicit AlipayAccount(AlipayChannelConfig config) : config_(std::move(config)) {}

  Poco::JSON::Object::Ptr toJson() const override { return config_.toJson(); }
  Poco::JSON::Object::Ptr redacted() const override { return config_.redacted(); }
  std::vector<std::string> gatewayUrls() const override { return {config_.gatewayUrl}; }
  bool live() const override { return !config_.test; }

  PlacedOrder place(const ChannelOrder& order) const override;
  NotificationReading readNotification(const std::string& notifyPath, const InboundMessage& message) const override;
  std::optional<PaymentReport> query(const std::string& outTradeId) const override;
  void close(const std::string& outTradeId) const override;
  RefundReport refund(const ChannelRefund& refund) const override;
  std::optional<RefundReport> queryRefund(const std::string& outTradeId, const std::string& outRefundNo) const override;

 private:
  AlipayChannelConfig config_;
};

}  // namespace paynext::core::payments::alipay
