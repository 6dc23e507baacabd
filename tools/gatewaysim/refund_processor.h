#pragma once
#include <atomic>

#include <Poco/Util/Timer.h>

#include "tools/gatewaysim/merchants.h"
#include "tools/gatewaysim/notifier.h"
#include "tools/gatewaysim/refund_store.h"

namespace paynext::tools::gatewaysim {

// Finishes refunds asynchronously, as WeChat does: a refund accepted as
// PROCESSING becomes SUCCESS (or the failure /sim/refund-fail set for its
// order) after a delay, and then its notification goes out on the notifier.
class RefundProcessor {
 public:
  // delaySeconds is multiplied by timeScale, like the notifier's schedule.
  RefundProcessor(RefundStore& store, const Merchants& merchants, Notifier& notifier, double delaySeconds,
                  double timeScale);
  ~RefundProcessor();

  void start(const RefundStore::Key& key);
  // Cancels what is pending and waits for a completion in flight.
  void stop();

 private:
  class CompleteTask;
  void complete(const RefundStore::Key& key);

  RefundStore& store_;
  const Merchants& merchants_;
  Notifier& notifier_;
  double delaySeconds_;
  double timeScale_;
  std::atomic<bool> stopped_{false};
  Poco::Util::Timer timer_;
};

}  // namespace paynext::tools::gatewaysim
