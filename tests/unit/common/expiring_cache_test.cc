#include "core/common/expiring_cache.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>

namespace paynext::core {
namespace {

using std::chrono::milliseconds;

TEST(ExpiringCacheTest, KeepsAValueForItsTimeThenReadsAgain) {
  ExpiringCache<std::string, int> cache(milliseconds(50));
  int loads = 0;
  auto load = [&] { return ++loads; };
  EXPECT_EQ(1, cache.get("a", load));
  EXPECT_EQ(1, cache.get("a", load));
  EXPECT_EQ(2, cache.get("b", load));  // each key its own
  EXPECT_EQ(2, loads);
  // Read again once its time is up (polled: no fixed sleep).
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (cache.get("a", load) == 1 && std::chrono::steady_clock::now() < deadline) std::this_thread::yield();
  EXPECT_EQ(3, cache.get("a", load));
  EXPECT_EQ(3, loads);
}

TEST(ExpiringCacheTest, ClearDropsEverything) {
  ExpiringCache<std::string, int> cache(milliseconds(60000));
  int loads = 0;
  auto load = [&] { return ++loads; };
  cache.get("a", load);
  cache.get("b", load);
  cache.clear();
  EXPECT_EQ(3, cache.get("a", load));
  EXPECT_EQ(4, cache.get("b", load));
}

TEST(ExpiringCacheTest, AReadUnderWayWhileClearedIsAnsweredButNotKept) {
  ExpiringCache<std::string, std::string> cache(milliseconds(60000));
  // The read saw the old value; the change (and its clear) came before it returned.
  EXPECT_EQ("old", cache.get("a", [&] {
    cache.clear();
    return std::string("old");
  }));
  EXPECT_EQ("new", cache.get("a", [] { return std::string("new"); }));
}

TEST(ExpiringCacheTest, KeepsOnlyWhatKeepAccepts) {
  ExpiringCache<std::string, int> cache(milliseconds(60000));
  int loads = 0;
  auto load = [&] { return ++loads; };
  auto even = [](int v) { return v % 2 == 0; };
  EXPECT_EQ(1, cache.get("a", load, even));  // odd: not kept
  EXPECT_EQ(2, cache.get("a", load, even));  // kept
  EXPECT_EQ(2, cache.get("a", load, even));
  EXPECT_EQ(2, loads);
}

TEST(ExpiringCacheTest, ZeroTimeKeepsNothing) {
  ExpiringCache<std::string, int> cache(milliseconds(0));
  int loads = 0;
  auto load = [&] { return ++loads; };
  EXPECT_EQ(1, cache.get("a", load));
  EXPECT_EQ(2, cache.get("a", load));
}

TEST(ExpiringCacheTest, StartsOverPastItsBound) {
  ExpiringCache<int, int> cache(milliseconds(60000), 2);
  int loads = 0;
  auto load = [&] { return ++loads; };
  cache.get(1, load);
  cache.get(2, load);
  cache.get(3, load);  // full: 1 and 2 dropped
  EXPECT_EQ(3, loads);
  EXPECT_EQ(3, cache.get(3, load));
  EXPECT_EQ(4, cache.get(1, load));
}

}  // namespace
}  // namespace paynext::core
