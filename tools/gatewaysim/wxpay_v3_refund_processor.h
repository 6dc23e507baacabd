#pragma once
// WeChat handles a v3 refund asynchronously: 退款申请 answers PROCESSING,
// and a while later the refund ends SUCCESS (or, when the control API armed
// it, ABNORMAL or CLOSED) and its REFUND.* notification goes to the refund's
// notify_url on the v3 notifier's schedule.
#include <atomic>

#include <Poco/Util/Timer.h>

#include "tools/gatewaysim/notifier.h"
#include "tools/gatewaysim/wxpay_v3_merchants.h"
#include "tools/gatewaysim/wxpay_v3_refund_store.h"

namespace paynext::tools::gatewaysim {

class V3RefundProcessor {
 public:
  // delaySeconds: how long a refund stays PROCESSING.
  V3RefundProcessor(V3RefundStore& store, const V3Merchants& merchants, Notifier& notifier, double delaySeconds);
  ~V3RefundProcessor();

  // Ends the refund after the delay (once; a refund no longer PROCESSING is left as is).
  void start(const V3RefundStore::Key& key);
  // Cancels what is pending and waits for a run in flight.
  void stop();

 private:
  class FinishTask;
  void finish(const V3RefundStore::Key& key);

  V3RefundStore& store_;
  const V3Merchants& merchants_;
  Notifier& notifier_;
  double delaySeconds_;
  std::atomic<bool> stopped_{false};
  Poco::Util::Timer timer_;
};

}  // namespace paynext::tools::gatewaysim
