#include "core/payments/payment_poller.h"

#include <Poco/Logger.h>
#include <Poco/NumberParser.h>

#include "core/common/clock.h"
#include "core/common/exception_text.h"
#include "core/payments/alipay/alipay_client.h"
#include "core/payments/wxpay/wxpay_v2_client.h"
#include "core/payments/wxpay_v3/v3_error.h"

namespace paynext::core::payments {

namespace {
Poco::Logger& log() { return Poco::Logger::get("paynext.poller"); }
}  // namespace

PaymentPoller::PaymentPoller(PaymentService& payments, PaymentPollerOptions options)
    : payments_(payments), options_(options) {}

PaymentPoller::~PaymentPoller() { stop(); }

void PaymentPoller::start() {
  thread_ = std::thread([this] {
    while (!stopping_) {
      try {
        pollOnce();
      } catch (const std::exception& e) {
        log().error("poller: %s", exceptionText(e));
      }
      std::unique_lock<std::mutex> lock(mutex_);
      wakeup_.wait_for(lock, std::chrono::milliseconds(options_.intervalMs), [this] { return stopping_.load(); });
    }
  });
}

void PaymentPoller::stop() {
  stopping_ = true;
  wakeup_.notify_all();
  if (thread_.joinable()) thread_.join();
}

int PaymentPoller::pollOnce() {
  const auto pending = payments_.takePending(nowMs() - options_.delayMs, options_.batch);
  for (const auto& payment : pending) {
    if (stopping_) break;
    try {
      poll(payment);
    } catch (const std::exception& e) {
      // The channel is down or the config is gone: try again next round.
      log().warning("payment %s: query failed: %s", payment.outTradeId, exceptionText(e));
    }
  }
  return static_cast<int>(pending.size());
}

void PaymentPoller::poll(const PendingPayment& payment) {
  if (payment.channel == "alipay") return pollAlipay(payment);
  if (payment.channel != "wxpay") return;
  const auto config = payments_.wxpayConfig(payment.factoryId);
  if (config.isV3()) return pollWxpayV3(payment, config);
  const wxpay::Fields answer = wxpay::WxpayV2Client(config.clientConfig()).orderQuery(payment.outTradeId);
  const auto state = answer.find("trade_state");
  if (state != answer.end() && state->second == "SUCCESS") {
    Poco::Int64 fee = 0;
    const auto totalFee = answer.find("total_fee");
    if (totalFee == answer.end() || !Poco::NumberParser::tryParse64(totalFee->second, fee)) {
      log().error("payment %s: orderquery answered SUCCESS without a total_fee", payment.outTradeId);
      return;
    }
    const auto tradeNo = answer.find("transaction_id");
    return settled(payment,
                   payments_.settle(payment.factoryId, payment.channel, payment.outTradeId, fee,
                                    tradeNo == answer.end() ? "" : tradeNo->second, "orderquery"),
                   fee);
  }
  closeIfExpired(payment);
}

void PaymentPoller::pollWxpayV3(const PendingPayment& payment, const WxpayChannelConfig& config) {
  wxpay_v3::V3Transaction answer;
  try {
    // The client accepts only an answer WeChat signed, for this merchant, app and order.
    answer = config.v3Client().queryByOutTradeNo(payment.outTradeId);
  } catch (const wxpay_v3::WxpayV3Error& e) {
    if (e.code() != "ORDER_NOT_EXIST") throw;
    return closeIfExpired(payment);
  }
  if (answer.tradeState == "SUCCESS") {
    return settled(payment, payments_.settle(payment.factoryId, payment.channel, payment.outTradeId, answer.totalFen,
                                             answer.transactionId, "v3 query"),
                   answer.totalFen);
  }
  closeIfExpired(payment);
}

void PaymentPoller::pollAlipay(const PendingPayment& payment) {
  const auto config = payments_.alipayConfig(payment.factoryId);
  alipay::TradeQueryResult answer;
  try {
    answer = alipay::AlipayClient(config.clientConfig()).tradeQuery(payment.outTradeId);
  } catch (const alipay::AlipayError& e) {
    // Alipay knows a trade only once the user opened the payment.
    if (e.subCode() != "ACQ.TRADE_NOT_EXIST") throw;
    return closeIfExpired(payment);
  }
  if (answer.tradeStatus == "TRADE_SUCCESS" || answer.tradeStatus == "TRADE_FINISHED") {
    return settled(payment, payments_.settle(payment.factoryId, payment.channel, payment.outTradeId, answer.totalFen,
                                             answer.tradeNo, "trade.query"),
                   answer.totalFen);
  }
  closeIfExpired(payment);
}

void PaymentPoller::settled(const PendingPayment& payment, SettleOutcome outcome, std::int64_t fen) {
  if (outcome == SettleOutcome::Settled) {
    log().information("payment %s settled by the poller (its notification was lost)", payment.outTradeId);
  } else if (outcome == SettleOutcome::AmountMismatch) {
    log().error("payment %s: the channel reports %?d fen, which does not match", payment.outTradeId, fen);
  }
}

void PaymentPoller::closeIfExpired(const PendingPayment& payment) {
  if (payment.createdAt + options_.expiryMs <= nowMs() && payments_.close(payment.factoryId, payment.outTradeId)) {
    log().information("payment %s expired unpaid and was closed", payment.outTradeId);
  }
}

}  // namespace paynext::core::payments
