#pragma once
#include "core/payments/payment_channel.h"

namespace paynext::core::payments::wxpay {

// WeChat Pay: one merchant setting per factory ("wxpay") that speaks API v2
// or API v3 (apiVersion). Payments are stored as channel "wxpay" either way;
// notifications of v2 come to /notify/wxpay/, those of v3 to /notify/wxpay-v3/.
class WxpayChannel : public PaymentChannel {
 public:
  static const std::string kV2NotifyPath;
  static const std::string kV3NotifyPath;

  const std::string& name() const override;
  const std::string& title() const override;
  const std::vector<std::string>& methods() const override;  // jsapi, app
  const std::vector<std::string>& notifyPaths() const override;
  std::unique_ptr<ChannelAccount> account(const Poco::JSON::Object& settings) const override;
  // v2: 200 with XML {return_code, return_msg}; v3: 200 with no body, or a
  // 4xx/5xx with {"code":"FAIL","message":...}.
  NotifyReply reply(const std::string& notifyPath, NotifyOutcome outcome, const std::string& detail) const override;
};

}  // namespace paynext::core::payments::wxpay
