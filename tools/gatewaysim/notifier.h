#pragma once
#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <Poco/Util/Timer.h>

namespace paynext::tools::gatewaysim {

// What one notification attempt's reply meant.
struct NotifyVerdict {
  bool acknowledged = false;
  std::string result;  // short summary, kept as the order's last_notify_result
};

// One payment-result notification, whatever the gateway: where to POST what,
// how to read the merchant's reply, and where to record each attempt. The
// notifier knows no protocol; the builders (wxpay_/alipay_notification) do.
struct Notification {
  std::string url;
  std::string contentType;
  std::string body;
  std::string label;  // names the order in the log
  // Extra headers for one attempt, made when it is sent (signatures that
  // carry a timestamp); optional.
  std::function<std::vector<std::pair<std::string, std::string>>(const std::string& body)> headers;
  // Reads the body of a 2xx reply (anything else is a failed attempt); must not throw.
  std::function<NotifyVerdict(const std::string& reply)> judge;
  // Records an attempt on the order; returns how many attempts it has had.
  std::function<int(const NotifyVerdict& verdict)> record;
};

// The usual `record`: counts the attempt on the stored order (any store whose
// records carry notifyAttempts, acknowledged and lastNotifyResult) and
// returns the attempt number.
template <typename Store, typename Key>
std::function<int(const NotifyVerdict&)> attemptRecorder(Store& store, Key key) {
  return [&store, key](const NotifyVerdict& verdict) {
    int attempts = 0;
    store.update(key, [&](auto& stored) {
      attempts = ++stored.notifyAttempts;
      stored.acknowledged = stored.acknowledged || verdict.acknowledged;
      stored.lastNotifyResult = verdict.result;
      return true;
    });
    return attempts;
  };
}

// POSTs notifications on a schedule until one is acknowledged. Attempts run
// one at a time on the timer's thread.
class Notifier {
 public:
  // schedule[i] is the wait in seconds before attempt i, multiplied by timeScale.
  Notifier(std::vector<double> schedule, double timeScale);
  ~Notifier();

  // Starts a run of attempts; each call is a new, independent run.
  void start(Notification notification);
  // Cancels what is pending and waits for an attempt in flight.
  void stop();

 private:
  class AttemptTask;
  struct Run {
    Notification notification;
    std::size_t next = 0;  // index into schedule_
  };
  void scheduleNext(const std::shared_ptr<Run>& run);
  void attempt(const std::shared_ptr<Run>& run);

  std::vector<double> schedule_;
  double timeScale_;
  std::atomic<bool> stopped_{false};
  Poco::Util::Timer timer_;
};

}  // namespace paynext::tools::gatewaysim
