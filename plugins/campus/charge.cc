#include "charge.h"

#include <Poco/JSON/Array.h>
#include <Poco/URI.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

namespace paynext::plugins::campus {

namespace {

constexpr int kBadPayParams = 500;

Poco::JSON::Object::Ptr newObject() { return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER); }

std::string text(const Poco::JSON::Object& params, const std::string& key) {
  if (!params.has(key)) throw sdk::Error(kBadPayParams, "微信支付参数缺少 " + key);
  return params.get(key).convert<std::string>();
}

Poco::JSON::Object::Ptr wxCredential(const Poco::Dynamic::Var& payParams) {
  if (payParams.type() != typeid(Poco::JSON::Object::Ptr)) throw sdk::Error(kBadPayParams, "微信支付参数格式错误");
  const auto& params = *payParams.extract<Poco::JSON::Object::Ptr>();
  auto out = newObject();
  out->set("appId", text(params, "appid"));
  out->set("partnerId", text(params, "partnerid"));
  out->set("prepayId", text(params, "prepayid"));
  out->set("nonceStr", text(params, "noncestr"));
  out->set("timeStamp", text(params, "timestamp"));
  out->set("packageValue", text(params, "package"));
  out->set("sign", text(params, "sign"));
  return out;
}

std::string stringParams(const Poco::Dynamic::Var& payParams) {
  if (!payParams.isString()) throw sdk::Error(kBadPayParams, "支付宝支付参数格式错误");
  return payParams.extract<std::string>();
}

Poco::JSON::Object::Ptr alipayCredential(const Poco::Dynamic::Var& payParams) {
  auto out = newObject();
  out->set("orderInfo", stringParams(payParams));
  return out;
}

Poco::JSON::Object::Ptr alipayWapCredential(const Poco::Dynamic::Var& payParams) {
  const Poco::URI url(stringParams(payParams));
  auto out = newObject();
  out->set("channel_url", url.getScheme() + "://" + url.getAuthority() + url.getPath());
  for (const auto& [name, value] : url.getQueryParameters()) out->set(name, value);
  return out;
}

}  // namespace

ChargeChannel chargeChannel(const std::string& name) {
  if (name == "wx") return {name, sdk::PayChannel::wxpay("app")};
  if (name == "alipay") return {name, sdk::PayChannel::alipay("app")};
  if (name == kAlipayWap) return {name, sdk::PayChannel::alipay("wap")};
  throw sdk::params::invalid("channel", "wx、alipay 或 alipay_wap");
}

Poco::JSON::Object::Ptr credential(const ChargeChannel& channel, const Poco::Dynamic::Var& payParams) {
  auto out = newObject();
  out->set("object", "credential");
  if (channel.name == "wx") {
    out->set(channel.name, wxCredential(payParams));
  } else if (channel.name == "alipay") {
    out->set(channel.name, alipayCredential(payParams));
  } else if (channel.name == kAlipayWap) {
    out->set(channel.name, alipayWapCredential(payParams));
  } else {
    throw sdk::Error(kBadPayParams, "不支持的支付渠道 " + channel.name);
  }
  return out;
}

Poco::JSON::Object::Ptr chargeExtra(const ChargeChannel& channel, const std::string& successUrl,
                                    const std::string& cancelUrl) {
  auto extra = newObject();
  if (channel.name != kAlipayWap) return extra;
  if (!successUrl.empty()) extra->set("success_url", successUrl);
  if (!cancelUrl.empty()) extra->set("cancel_url", cancelUrl);
  return extra;
}

Poco::JSON::Object::Ptr pingppCharge(const ChargeInput& in) {
  const std::string id = "ch_" + in.payment.outTradeId;
  const Poco::Dynamic::Var null;
  auto refunds = newObject();
  refunds->set("object", "list");
  refunds->set("url", "/v1/charges/" + id + "/refunds");
  refunds->set("has_more", false);
  refunds->set("data", Poco::JSON::Array::Ptr(new Poco::JSON::Array));

  auto charge = newObject();
  charge->set("id", id);
  charge->set("object", "charge");
  charge->set("created", in.payment.createdAt / 1000);
  charge->set("livemode", in.payment.live);
  charge->set("paid", false);
  charge->set("refunded", false);
  charge->set("app", in.app);
  charge->set("channel", in.channel.name);
  charge->set("order_no", in.payment.outTradeId);
  charge->set("client_ip", in.clientIp);
  charge->set("amount", in.payment.money);
  charge->set("amount_settle", in.payment.money);
  charge->set("currency", "cny");
  charge->set("subject", in.subject);
  charge->set("body", in.body);
  charge->set("extra", in.extra ? in.extra : newObject());
  charge->set("time_paid", null);
  charge->set("time_expire", in.payment.expiresAt / 1000);
  charge->set("time_settle", null);
  charge->set("transaction_no", null);
  charge->set("refunds", refunds);
  charge->set("amount_refunded", 0);
  charge->set("failure_code", null);
  charge->set("failure_msg", null);
  charge->set("metadata", newObject());
  charge->set("credential", credential(in.channel, in.payment.payParams));
  charge->set("description", null);
  return charge;
}

}  // namespace paynext::plugins::campus
