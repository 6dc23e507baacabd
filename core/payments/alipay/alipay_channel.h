#pragma once
#include "core/payments/payment_channel.h"

namespace paynext::core::payments::alipay {

// Alipay: an application per factory ("alipay"); the app pays with a signed
// order string, a mobile browser opens the WAP page URL; notifications come
// to /notify/alipay/.
class AlipayChannel : public PaymentChannel {
 public:
  static const std::string kNotifyPath;

  const std::string& name() const override;
  const std::string& title() const override;
  const std::vector<std::string>& methods() const override;  // app, wap
  const std::vector<std::string>& notifyPaths() const override;
  std::unique_ptr<ChannelAccount> account(const Poco::JSON::Object& settings) const override;
  // "success" stops Alipay's resends; anything else ("fail") asks for another.
  NotifyReply reply(const std::string& notifyPath, NotifyOutcome outcome, const std::string& detail) const override;
};

}  // namespace paynext::core::payments::alipay
