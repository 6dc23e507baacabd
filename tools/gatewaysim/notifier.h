#pragma once
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Util/Timer.h>

#include "tools/gatewaysim/merchants.h"
#include "tools/gatewaysim/order_store.h"

namespace paynext::tools::gatewaysim {

// Ways to make a notification wrong on purpose, for the server's tests.
struct NotifyOptions {
  std::optional<std::int64_t> totalFeeOverride;  // signed correctly, wrong amount
  bool badSign = false;                          // signature corrupted
};

// WeChat's documented resend schedule: first at once, then 15s/15s/30s/3m/
// 10m/20m/30m/30m/30m/60m/3h/3h/3h/6h/6h.
std::vector<double> defaultNotifySchedule();

// Sends the signed pay-result notification of paid orders to their
// notify_url, on a schedule, until one is answered with return_code SUCCESS.
// Attempts run one at a time on the timer's thread.
class Notifier {
 public:
  // schedule[i] is the wait in seconds before attempt i, multiplied by timeScale.
  Notifier(OrderStore& store, const Merchants& merchants, std::vector<double> schedule, double timeScale);
  ~Notifier();

  // Starts a run of notifications for a paid order; each call is a new run.
  void start(const OrderStore::Key& key, const NotifyOptions& options);
  // Cancels what is pending and waits for an attempt in flight.
  void stop();

 private:
  class AttemptTask;
  struct Run {
    OrderStore::Key key;
    std::string url;
    std::string body;
    std::size_t next = 0;  // index into schedule_
  };
  void scheduleNext(const std::shared_ptr<Run>& run);
  void attempt(const std::shared_ptr<Run>& run);

  OrderStore& store_;
  const Merchants& merchants_;
  std::vector<double> schedule_;
  double timeScale_;
  std::atomic<bool> stopped_{false};
  Poco::Util::Timer timer_;
};

}  // namespace paynext::tools::gatewaysim
