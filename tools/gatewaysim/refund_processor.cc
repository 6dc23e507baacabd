#include "tools/gatewaysim/refund_processor.h"

#include <cmath>

#include <Poco/Logger.h>
#include <Poco/Util/TimerTask.h>

#include "tools/gatewaysim/wechat_ids.h"
#include "tools/gatewaysim/wxpay_refund_notification.h"

namespace paynext::tools::gatewaysim {

class RefundProcessor::CompleteTask : public Poco::Util::TimerTask {
 public:
  CompleteTask(RefundProcessor& processor, RefundStore::Key key) : processor_(processor), key_(std::move(key)) {}
  void run() override { processor_.complete(key_); }

 private:
  RefundProcessor& processor_;
  RefundStore::Key key_;
};

RefundProcessor::RefundProcessor(RefundStore& store, const Merchants& merchants, Notifier& notifier,
                                 double delaySeconds, double timeScale)
    : store_(store), merchants_(merchants), notifier_(notifier), delaySeconds_(delaySeconds), timeScale_(timeScale) {}

RefundProcessor::~RefundProcessor() { stop(); }

void RefundProcessor::start(const RefundStore::Key& key) {
  if (stopped_) return;
  const auto delay = static_cast<Poco::Clock::ClockDiff>(std::llround(delaySeconds_ * timeScale_ * 1e6));
  timer_.schedule(new CompleteTask(*this, key), Poco::Clock() + delay);
}

void RefundProcessor::stop() {
  stopped_ = true;
  timer_.cancel(true);
}

void RefundProcessor::complete(const RefundStore::Key& key) {
  if (stopped_) return;
  const auto pending = store_.find(key);
  if (!pending) return;
  const std::string status = store_.takeFailure(pending->mchId, pending->outTradeNo).value_or("SUCCESS");
  store_.update(key, [&](SimRefund& refund) {
    refund.status = status;
    if (status == "SUCCESS") refund.successTime = beijingRefundTimeNow();
    return true;
  });
  const SimRefund done = *store_.find(key);
  Poco::Logger::get("gatewaysim.wxpay").information("refund %s of %s: %s", done.outRefundNo, done.mchId, status);
  if (!done.notifyUrl.empty()) notifier_.start(wxpayRefundNotification(done, merchants_.at(done.mchId), store_));
}

}  // namespace paynext::tools::gatewaysim
