#include "core/identity/hashing_pool.h"

#include <algorithm>

namespace paynext::core::identity {

HashingPool::HashingPool(unsigned slots, unsigned maxWaiting) : slots_(std::max(1u, slots)), maxWaiting_(maxWaiting) {}

unsigned HashingPool::waitingNow() {
  std::lock_guard<std::mutex> lock(mutex_);
  return waiting_;
}

void HashingPool::run(const std::function<void()>& fn) {
  {
    std::unique_lock<std::mutex> lock(mutex_);
    if (running_ >= slots_) {
      if (waiting_ >= maxWaiting_) throw HashingBusy();
      ++waiting_;
      freed_.wait(lock, [&] { return running_ < slots_; });
      --waiting_;
    }
    ++running_;
  }
  struct Release {
    HashingPool& pool;
    ~Release() {
      {
        std::lock_guard<std::mutex> lock(pool.mutex_);
        --pool.running_;
      }
      pool.freed_.notify_one();
    }
  } release{*this};
  fn();
}

}  // namespace paynext::core::identity
