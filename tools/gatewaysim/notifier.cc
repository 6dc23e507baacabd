#include "tools/gatewaysim/notifier.h"

#include <cmath>

#include <Poco/Clock.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/URI.h>
#include <Poco/Util/TimerTask.h>

#include "core/crypto/digest.h"
#include "core/payments/wxpay/wxpay_xml.h"

namespace paynext::tools::gatewaysim {

namespace wx = core::payments::wxpay;

namespace {

constexpr std::size_t kMaxReplyBytes = 64 * 1024;

Poco::Logger& log() { return Poco::Logger::get("gatewaysim.notify"); }

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

// POSTs the notification; returns the reply body or throws Poco::Exception.
std::string post(const std::string& url, const std::string& body) {
  const Poco::URI uri(url);
  if (uri.getScheme() != "http") throw Poco::InvalidArgumentException("only http notify_url is supported: " + url);
  Poco::Net::HTTPClientSession session(uri.getHost(), uri.getPort());
  session.setTimeout(Poco::Timespan(3, 0), Poco::Timespan(5, 0), Poco::Timespan(5, 0));
  Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, uri.getPathEtc(), Poco::Net::HTTPMessage::HTTP_1_1);
  request.setContentType("text/xml");
  request.setContentLength64(static_cast<Poco::Int64>(body.size()));
  session.sendRequest(request) << body;
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  std::string reply;
  char buffer[4096];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    reply.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (reply.size() > kMaxReplyBytes) throw Poco::DataException("reply too large");
  }
  if (response.getStatus() != Poco::Net::HTTPResponse::HTTP_OK) {
    throw Poco::DataException("HTTP " + std::to_string(response.getStatus()));
  }
  return reply;
}

}  // namespace

class Notifier::AttemptTask : public Poco::Util::TimerTask {
 public:
  AttemptTask(Notifier& notifier, std::shared_ptr<Run> run) : notifier_(notifier), run_(std::move(run)) {}
  void run() override { notifier_.attempt(run_); }

 private:
  Notifier& notifier_;
  std::shared_ptr<Run> run_;
};

std::vector<double> defaultNotifySchedule() {
  return {0, 15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600};
}

Notifier::Notifier(OrderStore& store, const Merchants& merchants, std::vector<double> schedule, double timeScale)
    : store_(store), merchants_(merchants), schedule_(std::move(schedule)), timeScale_(timeScale) {}

Notifier::~Notifier() { stop(); }

void Notifier::start(const OrderStore::Key& key, const NotifyOptions& options) {
  const auto order = store_.find(key);
  if (!order || order->state != "SUCCESS" || schedule_.empty()) return;
  auto run = std::make_shared<Run>();
  run->key = key;
  run->url = order->notifyUrl;
  run->body = notificationBody(*order, merchants_.at(order->mchId), options);
  scheduleNext(run);
}

void Notifier::stop() {
  stopped_ = true;
  timer_.cancel(true);
}

void Notifier::scheduleNext(const std::shared_ptr<Run>& run) {
  if (stopped_ || run->next >= schedule_.size()) return;
  const auto delay = static_cast<Poco::Clock::ClockDiff>(std::llround(schedule_[run->next] * timeScale_ * 1e6));
  timer_.schedule(new AttemptTask(*this, run), Poco::Clock() + delay);
}

void Notifier::attempt(const std::shared_ptr<Run>& run) {
  if (stopped_) return;
  ++run->next;
  bool acknowledged = false;
  std::string result;
  try {
    const wx::Fields reply = wx::parseXml(post(run->url, run->body));
    const auto code = reply.find("return_code");
    acknowledged = code != reply.end() && code->second == "SUCCESS";
    const auto msg = reply.find("return_msg");
    result = (code == reply.end() ? std::string("no return_code") : code->second) +
             (msg == reply.end() ? std::string() : " " + msg->second);
  } catch (const Poco::Exception& e) {
    result = "error: " + e.displayText();
  } catch (const std::exception& e) {
    result = std::string("error: ") + e.what();
  }
  int attempts = 0;
  store_.update(run->key, [&](SimOrder& order) {
    attempts = ++order.notifyAttempts;
    order.acknowledged = order.acknowledged || acknowledged;
    order.lastNotifyResult = result;
    return true;
  });
  log().information("notification %d for %s to %s: %s", attempts, run->key.second, run->url, result);
  if (!acknowledged) scheduleNext(run);
}

}  // namespace paynext::tools::gatewaysim
