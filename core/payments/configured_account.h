#pragma once
#include <string>
#include <vector>

#include "core/payments/payment_channel.h"

namespace paynext::core::payments {

// What every account does with its settings alike: Config has toJson(),
// redacted(), gatewayUrl and test.
template <typename Config>
class ConfiguredAccount : public ChannelAccount {
 public:
  explicit ConfiguredAccount(Config config) : config_(std::move(config)) {}

  Poco::JSON::Object::Ptr toJson() const override { return config_.toJson(); }
  Poco::JSON::Object::Ptr redacted() const override { return config_.redacted(); }
  std::vector<std::string> gatewayUrls() const override { return {config_.gatewayUrl}; }
  bool live() const override { return !config_.test; }

 protected:
  Config config_;
};

}  // namespace paynext::core::payments
