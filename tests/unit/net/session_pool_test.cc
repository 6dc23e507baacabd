#include "core/net/session_pool.h"

#include <chrono>
#include <memory>

#include <gtest/gtest.h>

namespace paynext::core::net {
namespace {

using namespace std::chrono_literals;
using Session = Poco::Net::HTTPClientSession;

TEST(SessionPoolTest, GivesBackTheNewestIdleSessionOfItsKeyOnly) {
  SessionPool pool;
  const auto t = SessionPool::Clock::now();
  EXPECT_EQ(nullptr, pool.take("a", t));
  auto first = std::make_unique<Session>("127.0.0.1", 1), second = std::make_unique<Session>("127.0.0.1", 2);
  Session* newest = second.get();
  pool.give("a", std::move(first), t);
  pool.give("a", std::move(second), t);
  EXPECT_EQ(nullptr, pool.take("b", t));
  EXPECT_EQ(newest, pool.take("a", t).get());
  EXPECT_EQ(1u, pool.idle("a"));
}

TEST(SessionPoolTest, SessionsIdleTooLongAreDropped) {
  SessionPool pool(8, 4s);
  const auto t = SessionPool::Clock::now();
  pool.give("a", std::make_unique<Session>("127.0.0.1", 1), t);
  pool.give("a", std::make_unique<Session>("127.0.0.1", 2), t + 3s);
  auto taken = pool.take("a", t + 5s);  // the first is 5 s idle, the second 2 s
  ASSERT_NE(nullptr, taken);
  EXPECT_EQ(2, taken->getPort());
  EXPECT_EQ(0u, pool.idle("a"));
  pool.give("a", std::move(taken), t + 5s);
  EXPECT_EQ(nullptr, pool.take("a", t + 9s));
}

TEST(SessionPoolTest, KeepsAtMostItsBoundPerKey) {
  SessionPool pool(2);
  for (int i = 0; i < 5; ++i) pool.give("a", std::make_unique<Session>("127.0.0.1", 1));
  EXPECT_EQ(2u, pool.idle("a"));
}

}  // namespace
}  // namespace paynext::core::net
