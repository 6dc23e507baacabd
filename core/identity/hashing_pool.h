#pragma once
#include <condition_variable>
#include <functional>
#include <mutex>
#include <stdexcept>

namespace paynext::core::identity {

// No hashing slot is free and the wait line is full: the caller is refused at
// once (the HTTP layer answers 503) instead of holding its worker in a queue.
class HashingBusy : public std::runtime_error {
 public:
  HashingBusy() : std::runtime_error("服务器繁忙,请稍后再试") {}
};

// Bounds password hashing (each a slow PBKDF2): at most `slots` run at once,
// on their callers' threads, at most `maxWaiting` callers wait for a slot,
// and anyone past that gets HashingBusy. A login flood then holds at most
// slots + maxWaiting HTTP workers and the cores' share it is given.
class HashingPool {
 public:
  HashingPool(unsigned slots, unsigned maxWaiting);

  // Runs fn in a slot; throws HashingBusy without running it when refused.
  void run(const std::function<void()>& fn);

  unsigned slots() const { return slots_; }
  unsigned maxWaiting() const { return maxWaiting_; }
  unsigned waitingNow();  // callers waiting for a slot (tests)

 private:
  const unsigned slots_;
  const unsigned maxWaiting_;
  std::mutex mutex_;
  std::condition_variable freed_;
  unsigned running_ = 0;
  unsigned waiting_ = 0;
};

}  // namespace paynext::core::identity
