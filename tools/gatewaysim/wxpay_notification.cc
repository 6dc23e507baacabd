#include "tools/gatewaysim/wxpay_notification.h"

#include <Poco/Exception.h>

#include "core/crypto/digest.h"
#include "core/payments/wxpay/wxpay_xml.h"

namespace paynext::tools::gatewaysim {

namespace wx = core::payments::wxpay;

namespace {

// The pay-result notification of a paid order, signed as WeChat signs it.
std::string notificationBody(const SimOrder& order, const Merchant& merchant, const NotifyOptions& options) {
  const std::string fee = std::to_string(options.totalFeeOverride.value_or(order.totalFee));
  wx::Fields fields{{"return_code", "SUCCESS"},
                    {"result_code", "SUCCESS"},
                    {"appid", order.appId},
                    {"mch_id", order.mchId},
                    {"nonce_str", core::crypto::randomHex(16)},
                    {"openid", order.openid},
                    {"is_subscribe", "N"},
                    {"trade_type", order.tradeType},
                    {"bank_type", "OTHERS"},
                    {"total_fee", fee},
                    {"cash_fee", fee},
                    {"fee_type", "CNY"},
                    {"transaction_id", order.transactionId},
                    {"out_trade_no", order.outTradeNo},
                    {"time_end", order.timeEnd}};
  if (!order.attach.empty()) fields["attach"] = order.attach;
  if (order.signType == wx::SignType::HmacSha256) fields["sign_type"] = wx::signTypeName(order.signType);
  std::string sign = wx::sign(fields, merchant.apiKey, order.signType);
  if (options.badSign) sign[0] = sign[0] == '0' ? '1' : '0';
  fields["sign"] = sign;
  return wx::toXml(fields);
}

}  // namespace

NotifyVerdict judgeWxpayReply(const std::string& reply) {
  try {
    const wx::Fields fields = wx::parseXml(reply);
    const auto code = fields.find("return_code");
    const auto msg = fields.find("return_msg");
    return {code != fields.end() && code->second == "SUCCESS",
            (code == fields.end() ? std::string("no return_code") : code->second) +
                (msg == fields.end() ? std::string() : " " + msg->second)};
  } catch (const Poco::Exception& e) {
    return {false, "error: " + e.displayText()};
  } catch (const std::exception& e) {
    return {false, std::string("error: ") + e.what()};
  }
}

std::vector<double> defaultNotifySchedule() {
  return {0, 15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600};
}

Notification wxpayNotification(const SimOrder& order, const Merchant& merchant, const NotifyOptions& options,
                               OrderStore& store) {
  const OrderStore::Key key = OrderStore::keyOf(order);
  Notification notification;
  notification.url = order.notifyUrl;
  notification.contentType = "text/xml";
  notification.body = notificationBody(order, merchant, options);
  notification.label = order.outTradeNo;
  notification.judge = judgeWxpayReply;
  notification.record = attemptRecorder(store, key);
  return notification;
}

}  // namespace paynext::tools::gatewaysim
