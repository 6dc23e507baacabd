#include "core/payments/channel_registry.h"

#include <algorithm>
#include <stdexcept>

#include "core/payments/alipay/alipay_channel.h"
#include "core/payments/wxpay/wxpay_channel.h"
#include "paynext/sdk/errors.h"

namespace paynext::core::payments {

namespace {
bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}
}  // namespace

void ChannelRegistry::add(std::unique_ptr<PaymentChannel> channel) {
  if (find(channel->name())) throw std::logic_error("payment channel " + channel->name() + " registered twice");
  for (const auto& path : channel->notifyPaths()) {
    if (byNotifyPath(path)) throw std::logic_error("notify path " + path + " registered twice");
  }
  channels_.push_back(std::move(channel));
}

const PaymentChannel* ChannelRegistry::find(const std::string& name) const {
  for (const auto& channel : channels_) {
    if (channel->name() == name) return channel.get();
  }
  return nullptr;
}

const PaymentChannel& ChannelRegistry::require(const std::string& name, const std::string& method) const {
  const PaymentChannel* channel = find(name);
  if (!channel) throw sdk::Error(sdk::codes::kBadRequest, "不支持的支付渠道 " + name);
  if (!contains(channel->methods(), method)) {
    throw sdk::Error(sdk::codes::kBadRequest, channel->title() + "不支持支付方式 " + method);
  }
  return *channel;
}

const PaymentChannel* ChannelRegistry::byNotifyPath(const std::string& notifyPath) const {
  for (const auto& channel : channels_) {
    if (contains(channel->notifyPaths(), notifyPath)) return channel.get();
  }
  return nullptr;
}

ChannelRegistry builtInChannels() {
  ChannelRegistry registry;
  registry.add(std::make_unique<wxpay::WxpayChannel>());
  registry.add(std::make_unique<alipay::AlipayChannel>());
  return registry;
}

}  // namespace paynext::core::payments
