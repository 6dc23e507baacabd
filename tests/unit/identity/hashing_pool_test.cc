#include "core/identity/hashing_pool.h"

#include <atomic>
#include <future>
#include <thread>

#include <gtest/gtest.h>

namespace paynext::core::identity {
namespace {

// Holds a slot until released, so the test decides when hashing ends.
class Gate {
 public:
  void enter() {
    std::unique_lock<std::mutex> lock(mutex_);
    ++inside_;
    changed_.notify_all();
    changed_.wait(lock, [&] { return open_; });
  }
  void waitForInside(int n) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return inside_ >= n; });
  }
  void open() {
    std::lock_guard<std::mutex> lock(mutex_);
    open_ = true;
    changed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  int inside_ = 0;
  bool open_ = false;
};

TEST(HashingPoolTest, RefusesAtOnceWhenSlotsAndQueueAreFull) {
  HashingPool pool(1, 0);
  Gate gate;
  auto holder = std::async(std::launch::async, [&] { pool.run([&] { gate.enter(); }); });
  gate.waitForInside(1);
  bool ran = false;
  try {
    pool.run([&] { ran = true; });
    ADD_FAILURE() << "expected HashingBusy";
  } catch (const HashingBusy& e) {
    EXPECT_STREQ("服务器繁忙,请稍后再试", e.what());
  }
  EXPECT_FALSE(ran);
  gate.open();
  holder.get();
  pool.run([&] { ran = true; });  // free again
  EXPECT_TRUE(ran);
}

TEST(HashingPoolTest, QueuedCallersRunWhenASlotFrees) {
  HashingPool pool(1, 1);
  Gate gate;
  auto holder = std::async(std::launch::async, [&] { pool.run([&] { gate.enter(); }); });
  gate.waitForInside(1);
  std::atomic<bool> queuedRan{false};
  auto queued = std::async(std::launch::async, [&] { pool.run([&] { queuedRan = true; }); });
  // The queued caller waits (it is not refused); a third finds the line full.
  while (pool.waitingNow() < 1) std::this_thread::yield();
  bool third = false;
  try {
    pool.run([] {});
  } catch (const HashingBusy&) {
    third = true;
  }
  EXPECT_TRUE(third);
  EXPECT_FALSE(queuedRan);
  gate.open();
  holder.get();
  queued.get();
  EXPECT_TRUE(queuedRan);
}

TEST(HashingPoolTest, AtMostSlotsRunAtOnce) {
  HashingPool pool(2, 100);
  std::atomic<int> running{0}, most{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 20; ++i) {
        pool.run([&] {
          const int now = ++running;
          int seen = most.load();
          while (now > seen && !most.compare_exchange_weak(seen, now)) {
          }
          std::this_thread::yield();
          --running;
        });
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_LE(most.load(), 2);
  EXPECT_GE(most.load(), 1);
}

TEST(HashingPoolTest, AThrowingHashingFreesItsSlot) {
  HashingPool pool(1, 0);
  EXPECT_THROW(pool.run([] { throw std::runtime_error("boom"); }), std::runtime_error);
  bool ran = false;
  pool.run([&] { ran = true; });
  EXPECT_TRUE(ran);
}

}  // namespace
}  // namespace paynext::core::identity
