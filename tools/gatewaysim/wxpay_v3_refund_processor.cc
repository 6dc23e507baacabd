#include "tools/gatewaysim/wxpay_v3_refund_processor.h"

#include <cmath>

#include <Poco/Logger.h>
#include <Poco/Util/TimerTask.h>

#include "tools/gatewaysim/wxpay_v3_notification.h"
#include "tools/gatewaysim/wxpay_v3_transaction_json.h"
#include "tools/gatewaysim/wechat_ids.h"

namespace paynext::tools::gatewaysim {

namespace {
Poco::Logger& log() { return Poco::Logger::get("gatewaysim.wxpay-v3"); }
}  // namespace

class V3RefundProcessor::FinishTask : public Poco::Util::TimerTask {
 public:
  FinishTask(V3RefundProcessor& processor, V3RefundStore::Key key) : processor_(processor), key_(std::move(key)) {}
  void run() override { processor_.finish(key_); }

 private:
  V3RefundProcessor& processor_;
  V3RefundStore::Key key_;
};

V3RefundProcessor::V3RefundProcessor(V3RefundStore& store, const V3Merchants& merchants, Notifier& notifier,
                                     double delaySeconds)
    : store_(store), merchants_(merchants), notifier_(notifier), delaySeconds_(delaySeconds) {}

V3RefundProcessor::~V3RefundProcessor() { stop(); }

void V3RefundProcessor::start(const V3RefundStore::Key& key) {
  if (stopped_) return;
  const auto delay = static_cast<Poco::Clock::ClockDiff>(std::llround(delaySeconds_ * 1e6));
  timer_.schedule(new FinishTask(*this, key), Poco::Clock() + delay);
}

void V3RefundProcessor::stop() {
  stopped_ = true;
  timer_.cancel(true);
}

void V3RefundProcessor::finish(const V3RefundStore::Key& key) {
  V3SimRefund ended;
  const bool changed = store_.update(key, [&](V3SimRefund& refund) {
    if (refund.status != "PROCESSING") return false;
    refund.status = refund.outcome;
    if (refund.status == "SUCCESS") refund.successTime = rfc3339Beijing(beijingTimeNow());
    ended = refund;
    return true;
  });
  if (!changed || stopped_) return;
  log().information("v3 refund %s of %s: %s", ended.outRefundNo, ended.mchId, ended.status);
  const auto merchant = merchants_.find(ended.mchId);
  if (ended.notifyUrl.empty() || merchant == merchants_.end()) return;
  notifier_.start(wxpayV3RefundNotification(ended, merchant->second, store_));
}

}  // namespace paynext::tools::gatewaysim
