#include "core/payments/wxpay_notification.h"

#include <Poco/Logger.h>
#include <Poco/NumberParser.h>

#include "core/payments/wxpay/wxpay_xml.h"

namespace paynext::core::payments {

namespace {
Poco::Logger& log() { return Poco::Logger::get("paynext.notify.wxpay"); }

std::string field(const wxpay::Fields& fields, const std::string& name) {
  auto it = fields.find(name);
  return it == fields.end() ? std::string() : it->second;
}
}  // namespace

std::string WxpayNotification::reply(bool success, const std::string& message) {
  return wxpay::toXml({{"return_code", success ? "SUCCESS" : "FAIL"}, {"return_msg", message}});
}

std::string WxpayNotification::answer(const std::string& outcome, bool success, const std::string& message) {
  metrics_.increment("paynext_notifications_total", {{"channel", "wxpay"}, {"outcome", outcome}});
  return reply(success, message);
}

std::string WxpayNotification::handle(const tenancy::Factory& factory, const std::string& body) {
  wxpay::Fields fields;
  try {
    fields = wxpay::parseXml(body);
  } catch (const std::exception& e) {
    log().warning("factory %s: unreadable notification: %s", factory.name, std::string(e.what()));
    return answer("malformed", false, "报文格式错误");
  }
  WxpayChannelConfig config;
  try {
    config = payments_.wxpayConfig(factory.id);
  } catch (const std::exception&) {
    return answer("not_configured", false, "未配置微信支付");
  }
  const auto signType = wxpay::notificationSignType(fields);
  if (!signType || !wxpay::verify(fields, config.apiKey, *signType)) {
    log().warning("factory %s: notification with a bad signature refused", factory.name);
    return answer("bad_signature", false, "签名错误");
  }
  if (field(fields, "appid") != config.appId || field(fields, "mch_id") != config.mchId) {
    log().warning("factory %s: notification for another merchant refused", factory.name);
    return answer("wrong_merchant", false, "商户号或 appid 不符");
  }
  if (field(fields, "return_code") != "SUCCESS" || field(fields, "result_code") != "SUCCESS") {
    return answer("payment_failed", true, "OK");  // nothing to settle
  }
  Poco::Int64 totalFee = 0;
  if (!Poco::NumberParser::tryParse64(field(fields, "total_fee"), totalFee)) return answer("malformed", false, "total_fee 格式错误");
  const std::string outTradeNo = field(fields, "out_trade_no");
  switch (payments_.settle(factory.id, "wxpay", outTradeNo, totalFee, field(fields, "transaction_id"), body)) {
    case SettleOutcome::Settled:
      log().information("factory %s: payment %s settled", factory.name, outTradeNo);
      return answer("settled", true, "OK");
    case SettleOutcome::AlreadyPaid:
      return answer("duplicate", true, "OK");
    case SettleOutcome::UnknownPayment:
      log().warning("factory %s: notification for unknown payment %s", factory.name, outTradeNo);
      return answer("unknown_payment", false, "订单不存在");
    case SettleOutcome::AmountMismatch:
      log().warning("factory %s: notification for %s with a wrong amount refused", factory.name, outTradeNo);
      return answer("amount_mismatch", false, "金额不符");
  }
  return answer("error", false, "未知错误");
}

}  // namespace paynext::core::payments
