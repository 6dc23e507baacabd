#include "core/payments/wxpay/wxpay_v2_account.h"

#include <Poco/NumberParser.h>

#include "core/common/clock.h"
#include "core/crypto/digest.h"
#include "core/payments/wxpay/wxpay_app_params.h"
#include "core/payments/wxpay/wxpay_channel.h"
#include "core/payments/wxpay/wxpay_jsapi_params.h"
#include "core/payments/wxpay/wxpay_refund_notification.h"
#include "core/payments/wxpay/wxpay_v2_client.h"
#include "core/payments/wxpay/wxpay_xml.h"
#include "paynext/sdk/errors.h"

namespace paynext::core::payments::wxpay {

namespace {

std::string field(const Fields& fields, const std::string& name) {
  auto it = fields.find(name);
  return it == fields.end() ? std::string() : it->second;
}

// WeChat's refund states: SUCCESS; REFUNDCLOSE gave nothing back; CHANGE
// (the card could not take it) waits for the merchant to finish it by hand on
// the merchant platform, so it is still under way, with a note.
RefundState refundState(const std::string& status) {
  if (status == "SUCCESS") return RefundState::Succeeded;
  if (status == "REFUNDCLOSE") return RefundState::Failed;
  return RefundState::Processing;
}

std::string refundNote(const std::string& status) {
  if (status == "CHANGE") return "CHANGE 退款异常:需在微信支付商户平台手动处理";
  return status == "REFUNDCLOSE" ? status : "";
}

// Answers worth asking again rather than a refusal. kReturnFail is a
// refusal: the request was turned away unread, so nothing was refunded.
bool retryable(const WxpayError& e) {
  return e.errCode().empty() || e.errCode() == "SYSTEMERROR" || e.errCode() == "BIZERR_NEED_RETRY" ||
         e.errCode() == "FREQUENCY_LIMITED";
}

NotificationReading readRefundNotification(const std::string& body, const WxpayV2Config& config) {
  RefundNotice notice;
  try {
    notice = parseRefundNotification(body, config);
  } catch (const WxpayError&) {
    // req_info that does not decrypt under our key is not WeChat's.
    return NotificationReading::refused(NotifyOutcome::BadSignature, "退款通知无法解密或不属于本商户");
  }
  return NotificationReading::verified(
      RefundReport{notice.outRefundNo, refundState(notice.refundStatus), notice.refundId, refundNote(notice.refundStatus)});
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
  // A refund result carries encrypted req_info and no sign.
  if (fields.count("req_info")) return readRefundNotification(message.body, config_.clientConfig());
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

void WxpayV2Account::checkRefund() const {
  if (config_.apiClientCert.empty() || config_.apiClientKey.empty()) {
    throw sdk::Error(sdk::codes::kBadRequest,
                     "微信支付 API v2 退款需要商户 API 证书:请在渠道设置中填写 apiClientCert 和 apiClientKey");
  }
}

RefundReport WxpayV2Account::refund(const ChannelRefund& r) const {
  const RefundRequest request{r.outTradeId, r.outRefundNo, r.total, r.amount, r.reason,
                              r.notifyUrl(WxpayChannel::kV2NotifyPath)};
  try {
    const Fields answer = WxpayV2Client(config_.clientConfig()).refund(request);
    return {r.outRefundNo, RefundState::Processing, field(answer, "refund_id"), ""};
  } catch (const WxpayError& e) {
    if (retryable(e)) throw;
    return {r.outRefundNo, RefundState::Failed, "", e.what()};
  }
}

std::optional<RefundReport> WxpayV2Account::queryRefund(const std::string&, const std::string& outRefundNo) const {
  Fields answer;
  try {
    answer = WxpayV2Client(config_.clientConfig()).refundQuery(outRefundNo);
  } catch (const WxpayError& e) {
    if (e.errCode() != "REFUNDNOTEXIST") throw;
    return std::nullopt;
  }
  // The answer lists the refunds as <name>_<n>; find ours.
  for (int n = 0; answer.count("out_refund_no_" + std::to_string(n)); ++n) {
    const std::string i = std::to_string(n);
    if (field(answer, "out_refund_no_" + i) != outRefundNo) continue;
    const std::string status = field(answer, "refund_status_" + i);
    return RefundReport{outRefundNo, refundState(status), field(answer, "refund_id_" + i), refundNote(status)};
  }
  throw WxpayError("refundquery: the answer does not list refund " + outRefundNo);
}

}  // namespace paynext::core::payments::wxpay
