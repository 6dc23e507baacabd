#include "core/payments/wxpay/wxpay_channel.h"

#include "core/payments/wxpay/wxpay_v2_account.h"
#include "core/payments/wxpay/wxpay_xml.h"
#include "core/payments/wxpay_v3/v3_notification.h"
#include "core/payments/wxpay_v3/wxpay_v3_account.h"

namespace paynext::core::payments::wxpay {

namespace {

int v3Status(NotifyOutcome outcome) {
  switch (outcome) {
    case NotifyOutcome::Settled:
    case NotifyOutcome::Refunded:
    case NotifyOutcome::Duplicate:
    case NotifyOutcome::PaymentFailed:
      return 200;
    case NotifyOutcome::BadSignature:
      return 401;
    case NotifyOutcome::Malformed:
    case NotifyOutcome::WrongMerchant:
    case NotifyOutcome::AmountMismatch:
      return 400;
    case NotifyOutcome::UnknownPayment:
    case NotifyOutcome::UnknownFactory:
      return 404;
    case NotifyOutcome::NotConfigured:
    case NotifyOutcome::Error:
      break;
  }
  return 500;
}

}  // namespace

const std::string WxpayChannel::kV2NotifyPath = "wxpay";
const std::string WxpayChannel::kV3NotifyPath = "wxpay-v3";

const std::string& WxpayChannel::name() const {
  static const std::string name = "wxpay";
  return name;
}

const std::string& WxpayChannel::title() const {
  static const std::string title = "微信支付";
  return title;
}

const std::vector<std::string>& WxpayChannel::methods() const {
  static const std::vector<std::string> methods = {"jsapi", "app"};
  return methods;
}

const std::vector<std::string>& WxpayChannel::notifyPaths() const {
  static const std::vector<std::string> paths = {kV2NotifyPath, kV3NotifyPath};
  return paths;
}

std::unique_ptr<ChannelAccount> WxpayChannel::account(const Poco::JSON::Object& settings) const {
  WxpayChannelConfig config = WxpayChannelConfig::fromJson(settings);
  if (config.isV3()) return std::make_unique<wxpay_v3::WxpayV3Account>(std::move(config));
  return std::make_unique<WxpayV2Account>(std::move(config));
}

NotifyReply WxpayChannel::reply(const std::string& notifyPath, NotifyOutcome outcome,
                                const std::string& detail) const {
  const bool ok = acknowledged(outcome);
  if (notifyPath == kV3NotifyPath) {
    const auto answer = wxpay_v3::v3Reply(ok, ok ? "" : detail, v3Status(outcome));
    return {answer.status, "application/json", answer.body};
  }
  return {200, "text/xml", toXml({{"return_code", ok ? "SUCCESS" : "FAIL"}, {"return_msg", ok ? "OK" : detail}})};
}

}  // namespace paynext::core::payments::wxpay
