#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/payments/payment_channel.h"

namespace paynext::core::payments {

// The channels this server speaks, by name and by notify path.
class ChannelRegistry {
 public:
  // Throws std::logic_error when the name or a notify path is taken.
  void add(std::unique_ptr<PaymentChannel> channel);

  const PaymentChannel* find(const std::string& name) const;
  // Throws sdk::Error (400) naming what the server does not offer.
  const PaymentChannel& require(const std::string& name, const std::string& method) const;
  const PaymentChannel* byNotifyPath(const std::string& notifyPath) const;
  const std::vector<std::unique_ptr<PaymentChannel>>& all() const { return channels_; }

 private:
  std::vector<std::unique_ptr<PaymentChannel>> channels_;
};

// WeChat Pay (API v2 and v3) and Alipay: each channel's one registration line.
ChannelRegistry builtInChannels();

}  // namespace paynext::core::payments
