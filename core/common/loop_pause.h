#pragma once
// The pause of a background loop between its rounds: up to an interval,
// ended early by wake() (new work) or stop(). The flags change under the
// lock the waiter checks them under, so neither is lost to a loop that was
// between its check and its wait.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>

namespace paynext::core {

class LoopPause {
 public:
  bool stopping() const { return stopping_; }

  void stop() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
  }

  void wake() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      woken_ = true;
    }
    changed_.notify_all();
  }

  // Returns at once if woken since the last pause.
  void pause(std::chrono::milliseconds interval) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait_for(lock, interval, [this] { return woken_ || stopping_.load(); });
    woken_ = false;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool woken_ = false;
  std::atomic<bool> stopping_{false};
};

}  // namespace paynext::core
