#include "paynext/sdk/china_time.h"

#include <gtest/gtest.h>

namespace paynext::sdk::test {
namespace {

TEST(ChinaTime, ParsesDatesAndTimesInUtcPlusEight) {
  EXPECT_EQ(parseChinaTime("2024-01-01", false), 1704038400000);  // 2023-12-31T16:00:00Z
  EXPECT_EQ(parseChinaTime("2024-01-01", true), 1704124799999);
  EXPECT_EQ(parseChinaTime("2024-01-01 08:00:00", false), 1704067200000);
  for (const char* bad : {"", "2024-1-1", "2024-02-30", "2024-01-01T08:00:00", "2024-01-01 25:00:00", "tomorrow",
                          "2024-01-01 08:00"}) {
    EXPECT_FALSE(parseChinaTime(bad, false)) << bad;
  }
}

TEST(ChinaTime, FormatsInUtcPlusEight) {
  EXPECT_EQ(formatChinaTime(1704067200000), "2024-01-01 08:00:00");
  EXPECT_EQ(formatChinaTime(1704124799999), "2024-01-01 23:59:59");
  EXPECT_EQ(formatChinaTime(0), "");
}

}  // namespace
}  // namespace paynext::sdk::test
