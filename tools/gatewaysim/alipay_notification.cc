#include "tools/gatewaysim/alipay_notification.h"

#include <Poco/Timestamp.h>

#include "core/payments/alipay/alipay_form.h"
#include "core/payments/alipay/alipay_request.h"
#include "core/payments/alipay/alipay_sign.h"
#include "tools/gatewaysim/alipay_ids.h"

namespace paynext::tools::gatewaysim {

namespace alipay = core::payments::alipay;

namespace {

constexpr std::size_t kMaxResultChars = 80;

std::string notificationBody(const AlipayTrade& trade, const AlipayApp& app, const AlipayNotifyOptions& options) {
  const std::string amount = options.totalAmountOverride.value_or(trade.totalAmount);
  alipay::Params params{{"notify_time", alipay::beijingTime(Poco::Timestamp())},
                        {"notify_type", "trade_status_sync"},
                        {"notify_id", newAlipayNotifyId()},
                        {"app_id", trade.appId},
                        {"charset", "utf-8"},
                        {"version", "1.0"},
                        {"sign_type", "RSA2"},
                        {"trade_no", trade.tradeNo},
                        {"out_trade_no", trade.outTradeNo},
                        {"total_amount", amount},
                        {"receipt_amount", amount},
                        {"buyer_id", trade.buyerId},
                        {"trade_status", trade.state},
                        {"gmt_create", trade.gmtCreate},
                        {"gmt_payment", trade.gmtPayment},
                        {"subject", trade.subject}};
  std::string sign = alipay::rsa2Sign(alipay::signContent(params, alipay::Purpose::Notify), app.alipayPrivateKey);
  if (options.badSign) sign[0] = sign[0] == 'A' ? 'B' : 'A';
  params["sign"] = sign;
  return alipay::encodeForm(params);
}

// Alipay stops only on a body of exactly "success"; anything else is a retry.
NotifyVerdict judgeReply(const std::string& reply) {
  if (reply == "success") return {true, "success"};
  return {false, "reply: " + reply.substr(0, kMaxResultChars)};
}

}  // namespace

std::vector<double> alipayNotifySchedule() { return {0, 240, 600, 600, 3600, 7200, 21600, 54000}; }

Notification alipayNotification(const AlipayTrade& trade, const AlipayApp& app, const AlipayNotifyOptions& options,
                                AlipayOrderStore& store) {
  const AlipayOrderStore::Key key = AlipayOrderStore::keyOf(trade);
  Notification notification;
  notification.url = trade.notifyUrl;
  notification.contentType = "application/x-www-form-urlencoded; charset=utf-8";
  notification.body = notificationBody(trade, app, options);
  notification.label = "alipay " + trade.outTradeNo;
  notification.judge = judgeReply;
  notification.record = attemptRecorder(store, key);
  return notification;
}

}  // namespace paynext::tools::gatewaysim
