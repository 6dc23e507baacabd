#pragma once
#include <string>

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

#include "paynext/sdk/checkout.h"

namespace paynext::plugins::campus {

// The channels PayMoney takes, by their Ping++ names.
struct ChargeChannel {
  std::string name;  // "wx", "alipay", "alipay_wap"
  sdk::PayChannel payChannel;
};

inline const std::string kAlipayWap = "alipay_wap";

// The channel named `name`; throws sdk::ParamError on any other.
ChargeChannel chargeChannel(const std::string& name);

// What PayMoney asked for and what the checkout answered.
struct ChargeInput {
  ChargeChannel channel;
  std::string app;  // the factory's name
  std::string subject;
  std::string body;
  std::string clientIp;
  sdk::CheckoutResult payment;
  Poco::JSON::Object::Ptr extra;  // charge.extra
};

// charge.extra as Ping++ shows it: alipay_wap {success_url, cancel_url} (each
// when set), {} for the others.
Poco::JSON::Object::Ptr chargeExtra(const ChargeChannel& channel, const std::string& successUrl,
                                    const std::string& cancelUrl);

// The payment as a Ping++ charge object (001's chargeData.charge), with the
// channel's own pay parameters as its credential.
Poco::JSON::Object::Ptr pingppCharge(const ChargeInput& input);

// credential.<channel>:
//   wx          {appId, partnerId, prepayId, nonceStr, timeStamp, packageValue, sign} from WeChat APP params
//   alipay      {orderInfo} the signed order string
//   alipay_wap  {channel_url, <each query parameter of the gateway URL, decoded>}
Poco::JSON::Object::Ptr credential(const ChargeChannel& channel, const Poco::Dynamic::Var& payParams);

}  // namespace paynext::plugins::campus
