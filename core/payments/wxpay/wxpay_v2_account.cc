#include "core/payments/wxpay/wxpay_v2_account.h"

#include <Poco/NumberParser.h>

#include "core/common/clock.h"
#include "core/crypto/digest.h"
#include "core/payments/wxpay/wxpay_app_params.h"
#include "core/payments/wxpay/wxpay_channel.h"
#include "core/payments/wxpay/wxpay_jsapi_params.h"
#include "core/payments/wxpay/wxpay_v2_client.h"
#include "core/payments/wxpay/wxpay_xml.h"

namespace paynext::core::payments::wxpay {

namespace {

std::string field(const Fields& fields, const std::string& name) {
  auto it = fields.find(name);
  return it == fields.end() ? std::string() : it->second;
}

}  // namespace

PlacedOrder WxpayV2Account::place(const ChannelOrder& order) const {
  UnifiedOrderRequest request;
  request.outTradeNo = order.outTradeId;
  request.body = order.subject;
  request.totalFee = order.money;
  request.notifyUrl = order.notifyUrl(WxpayChannel::kV2NotifyPath);
  request.tradeType = order.method == "app" ? "APP" : "JSAPI";
  request.openid = order.openid;
  request.spbillCreateIp = order.clientIp.empty() ? "127.0.0.1" : order.clientIp;
  PlacedOrder placed;
  placed.prepayId = WxpayV2Client(config_.clientConfig()).unifiedOrder(request).at("prepay_id");

  const std::string timeStamp = std::to_string(nowMs() / 1000), nonce = crypto::randomHex(16);
  const Fields params =
      order.method == "app"
          ? appPayParams(config_.appId, config_.mchId, placed.prepayId, config_.apiKey, config_.signType, timeStamp,
                         nonce)
          : jsapiPayParams(config_.appId, placed.prepayId, config_.apiKey, config_.signType, timeStamp, nonce);
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
  for (const auto& [key, value] : params) json->set(key, value);
  json->set("outTradeId", order.outTradeId);
  placed.payParams = json;
  return placed;
}

NotificationReading WxpayV2Account::readNotification(const std::string& notifyPath,
                                                     const InboundMessage& message) const {
  if (notifyPath != WxpayChannel::kV2NotifyPath) {
    return NotificationReading::refused(NotifyOutcome::NotConfigured, "未配置微信支付 API v3");
  }
  Fields fields;
  try {
    fields = parseXml(message.body);
  } catch (const std::exception&) {
    return NotificationReading::refused(NotifyOutcome::Malformed, "报文格式错误");
  }
  const auto signType = notificationSignType(fields);
  if (!signType || !verify(fields, config_.apiKey, *signType)) {
    return NotificationReading::refused(NotifyOutcome::BadSignature, "签名错误");
  }
  if (field(fields, "appid") != config_.appId || field(fields, "mch_id") != config_.mchId) {
    return NotificationReading::refused(NotifyOutcome::WrongMerchant, "商户号或 appid 不符");
  }
  PaymentReport report;
  report.outTradeId = field(fields, "out_trade_no");
  report.paid = field(fields, "return_code") == "SUCCESS" && field(fields, "result_code") == "SUCCESS";
  if (!report.paid) return NotificationReading::verified(report);
  if (!Poco::NumberParser::tryParse64(field(fields, "total_fee"), report.amount)) {
    return NotificationReading::refused(NotifyOutcome::Malformed, "total_fee 格式错误");
  }
  report.channelTradeNo = field(fields, "transaction_id");
  return NotificationReading::verified(report);
}

std::optional<PaymentReport> WxpayV2Account::query(const std::string& outTradeId) const {
  Fields answer;
  try {
    answer = WxpayV2Client(config_.clientConfig()).orderQuery(outTradeId);
  } catch (const WxpayError& e) {
    if (e.errCode() != "ORDERNOTEXIST") throw;
    return std::nullopt;
  }
  PaymentReport report;
  report.outTradeId = outTradeId;
  report.paid = field(answer, "trade_state") == "SUCCESS";
  if (!report.paid) return report;
  if (!Poco::NumberParser::tryParse64(field(answer, "total_fee"), report.amount)) {
    throw WxpayError("orderquery answered SUCCESS without a total_fee");
  }
  report.channelTradeNo = field(answer, "transaction_id");
  report.evidence = "orderquery";
  return report;
}

void WxpayV2Account::close(const std::string& outTradeId) const {
  try {
    WxpayV2Client(config_.clientConfig()).closeOrder(outTradeId);
  } catch (const WxpayError& e) {
    // ORDERPAID and SYSTEMERROR stay errors: the caller queries, or tries again.
    if (e.errCode() != "ORDERCLOSED" && e.errCode() != "ORDERNOTEXIST") throw;
  }
}

}  // namespace paynext::core::payments::wxpay
