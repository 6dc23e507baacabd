#include "core/transport/connection_limits.h"

#include <gtest/gtest.h>

namespace paynext::core::transport {
namespace {

TEST(ConnectionLimits, AnAddressGetsItsBoundAndAPlaceFreedIsTakenAgain) {
  ConnectionLimits limits(10, 2);
  EXPECT_TRUE(limits.admit("127.0.0.2", false));
  EXPECT_TRUE(limits.admit("127.0.0.2", false));
  EXPECT_FALSE(limits.admit("127.0.0.2", false));
  EXPECT_TRUE(limits.admit("127.0.0.3", false)) << "another address is not held back";
  EXPECT_EQ(2u, limits.from("127.0.0.2"));
  limits.release("127.0.0.2", false);
  EXPECT_TRUE(limits.admit("127.0.0.2", false));
  EXPECT_EQ(3u, limits.total());
}

TEST(ConnectionLimits, TheTotalBindsEveryoneAndARefusalTakesNoPlace) {
  ConnectionLimits limits(3, 2);
  EXPECT_TRUE(limits.admit("a", false));
  EXPECT_TRUE(limits.admit("b", false));
  EXPECT_TRUE(limits.admit("proxy", true));
  EXPECT_FALSE(limits.admit("c", false));
  EXPECT_FALSE(limits.admit("proxy", true));
  EXPECT_EQ(3u, limits.total());
  EXPECT_EQ(0u, limits.from("c"));
}

TEST(ConnectionLimits, AnExemptAddressCountsOnlyInTheTotal) {
  ConnectionLimits limits(100, 1);
  for (int n = 0; n < 5; ++n) EXPECT_TRUE(limits.admit("10.0.0.1", true));
  EXPECT_EQ(0u, limits.from("10.0.0.1"));
  EXPECT_EQ(5u, limits.total());
  limits.release("10.0.0.1", true);
  EXPECT_EQ(4u, limits.total());
}

}  // namespace
}  // namespace paynext::core::transport
