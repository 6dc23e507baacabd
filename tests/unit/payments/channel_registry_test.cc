#include "core/payments/channel_registry.h"

#include <gtest/gtest.h>

#include "paynext/sdk/errors.h"

namespace paynext::core::payments {
namespace {

// A channel that only names itself, to test the registry's bookkeeping.
class NamedChannel : public PaymentChannel {
 public:
  NamedChannel(std::string name, std::vector<std::string> paths)
      : name_(std::move(name)), paths_(std::move(paths)) {}
  const std::string& name() const override { return name_; }
  const std::string& title() const override { return name_; }
  const std::vector<std::string>& methods() const override { return methods_; }
  const std::vector<std::string>& notifyPaths() const override { return paths_; }
  std::unique_ptr<ChannelAccount> account(const Poco::JSON::Object&) const override { return nullptr; }
  NotifyReply reply(const std::string&, NotifyOutcome, const std::string&) const override { return {}; }

 private:
  std::string name_;
  std::vector<std::string> paths_;
  std::vector<std::string> methods_ = {"app"};
};

std::string refusal(const ChannelRegistry& registry, const std::string& name, const std::string& method) {
  try {
    registry.require(name, method);
  } catch (const sdk::Error& e) {
    EXPECT_EQ(sdk::codes::kBadRequest, e.code());
    return e.what();
  }
  return "";
}

TEST(ChannelRegistryTest, BuiltInChannelsAreFoundByNameAndByNotifyPath) {
  const ChannelRegistry registry = builtInChannels();
  ASSERT_EQ(2u, registry.all().size());
  EXPECT_EQ("wxpay", registry.require("wxpay", "jsapi").name());
  EXPECT_EQ("wxpay", registry.require("wxpay", "app").name());
  EXPECT_EQ("alipay", registry.require("alipay", "app").name());
  EXPECT_EQ("alipay", registry.require("alipay", "wap").name());
  EXPECT_EQ("wxpay", registry.byNotifyPath("wxpay")->name());
  EXPECT_EQ("wxpay", registry.byNotifyPath("wxpay-v3")->name());
  EXPECT_EQ("alipay", registry.byNotifyPath("alipay")->name());
  EXPECT_EQ(nullptr, registry.byNotifyPath("points"));
  EXPECT_EQ(nullptr, registry.find("points"));
}

TEST(ChannelRegistryTest, WhatNoChannelOffersIsRefusedByName) {
  const ChannelRegistry registry = builtInChannels();
  EXPECT_EQ("不支持的支付渠道 unionpay", refusal(registry, "unionpay", "app"));
  EXPECT_EQ("支付宝不支持支付方式 jsapi", refusal(registry, "alipay", "jsapi"));
  EXPECT_EQ("微信支付不支持支付方式 wap", refusal(registry, "wxpay", "wap"));
}

TEST(ChannelRegistryTest, ANameOrNotifyPathTakenTwiceIsAProgrammingError) {
  ChannelRegistry registry;
  registry.add(std::make_unique<NamedChannel>("one", std::vector<std::string>{"one", "one-v2"}));
  EXPECT_THROW(registry.add(std::make_unique<NamedChannel>("one", std::vector<std::string>{"other"})),
               std::logic_error);
  EXPECT_THROW(registry.add(std::make_unique<NamedChannel>("two", std::vector<std::string>{"one-v2"})),
               std::logic_error);
  registry.add(std::make_unique<NamedChannel>("two", std::vector<std::string>{"two"}));
  EXPECT_EQ(2u, registry.all().size());
  EXPECT_EQ("one", registry.byNotifyPath("one-v2")->name());
}

}  // namespace
}  // namespace paynext::core::payments
