#include "core/common/loop_pause.h"

#include <gtest/gtest.h>

#include <future>
#include <thread>

namespace paynext::core {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

TEST(LoopPauseTest, AWakeBeforeThePauseEndsItAtOnceAndOnlyOnce) {
  LoopPause pause;
  pause.wake();
  const auto start = std::chrono::steady_clock::now();
  pause.pause(seconds(60));
  EXPECT_LT(std::chrono::steady_clock::now() - start, seconds(30));
  pause.pause(milliseconds(1));  // the wake was used up: this one runs its interval
  EXPECT_FALSE(pause.stopping());
}

TEST(LoopPauseTest, StopEndsAPauseUnderWayAndEveryLaterOne) {
  LoopPause pause;
  auto paused = std::async(std::launch::async, [&] { pause.pause(seconds(60)); });
  pause.stop();
  EXPECT_EQ(std::future_status::ready, paused.wait_for(seconds(30)));
  EXPECT_TRUE(pause.stopping());
  const auto start = std::chrono::steady_clock::now();
  pause.pause(seconds(60));
  EXPECT_LT(std::chrono::steady_clock::now() - start, seconds(30));
}

}  // namespace
}  // namespace paynext::core
