#include "core/payments/alipay/alipay_channel.h"

#include "core/payments/alipay/alipay_account.h"

namespace paynext::core::payments::alipay {

const std::string AlipayChannel::kNotifyPath = "alipay";

const std::string& AlipayChannel::name() const { return kNotifyPath; }

const std::string& AlipayChannel::title() const {
  static const std::string title = "支付宝";
  return title;
}

const std::vector<std::string>& AlipayChannel::methods() const {
  static const std::vector<std::string> methods = {"app", "wap"};
  return methods;
}

const std::vector<std::string>& AlipayChannel::notifyPaths() const {
  static const std::vector<std::string> paths = {kNotifyPath};
  return paths;
}

std::unique_ptr<ChannelAccount> AlipayChannel::account(const Poco::JSON::Object& settings) const {
  return std::make_unique<AlipayAccount>(AlipayChannelConfig::fromJson(settings));
}

NotifyReply AlipayChannel::reply(const std::string&, NotifyOutcome outcome, const std::string&) const {
  return {200, "text/plain", acknowledged(outcome) ? "success" : "fail"};
}

}  // namespace paynext::core::payments::alipay
