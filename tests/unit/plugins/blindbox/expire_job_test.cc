#include "plugins/blindbox/expire_job.h"

#include "blindbox_test_support.h"

namespace paynext::plugins::blindbox::test {
namespace {

class ExpireJobTest : public BlindboxTest {};

TEST_F(ExpireJobTest, IsDeclaredEveryMinute) {
  const auto jobs = BlindboxModule().jobs();
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(jobs[0].name, "expire_boxes");
  EXPECT_EQ(jobs[0].periodMs, 60000);
}

TEST_F(ExpireJobTest, ExpiresUnpaidBoxesAfterTheSetTimeOnly) {
  setSettings("1", "1", 10, 10);
  const auto paid = createBox("wx:paid");
  publishPaid(paid);
  createBox("wx:old");
  h.clock().advance(5 * 60000);
  createBox("wx:young");
  h.clock().advance(5 * 60000 - 1);
  h.runJob("expire_boxes");
  EXPECT_EQ(boxes()[1], "1/1/PENDING/0/");
  h.clock().advance(1);
  h.runJob("expire_boxes");
  const auto all = boxes();
  EXPECT_EQ(all[0].substr(0, 14), "1/1/PUBLISHED/");
  EXPECT_EQ(all[1], "1/1/EXPIRED/0/");
  EXPECT_EQ(all[2], "1/1/PENDING/0/");
  // Another factory's run leaves these alone.
  h.setFactory(2);
  h.clock().advance(60 * 60000);
  h.runJob("expire_boxes");
  EXPECT_EQ(boxes()[2], "1/1/PENDING/0/");
}

}  // namespace
}  // namespace paynext::plugins::blindbox::test
