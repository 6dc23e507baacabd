#include "plugins/errands/auto_confirm_job.h"
#include "plugins/errands/expire_job.h"

#include "errands_test_support.h"

namespace paynext::plugins::errands::test {
namespace {

class ErrandsJobsTest : public ErrandsTest {
 protected:
  void SetUp() override { h.users().add(2, "跑腿A"); }
};

TEST_F(ErrandsJobsTest, AreDeclaredEveryMinute) {
  const auto jobs = ErrandsModule().jobs();
  ASSERT_EQ(jobs.size(), 2u);
  EXPECT_EQ(jobs[0].name, "expire");
  EXPECT_EQ(jobs[0].periodMs, 60000);
  EXPECT_EQ(jobs[1].name, "auto_confirm");
  EXPECT_EQ(jobs[1].periodMs, 60000);
}

TEST_F(ErrandsJobsTest, UnpaidTasksExpireAfterTheSetMinutesOnce) {
  setSettings(R"({"unpaidExpiryMinutes":10})");
  post();
  h.clock().advance(10 * kMinute - 1);
  h.runJob("expire");
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/0/UNPAID/1000//0/0"});
  h.clock().advance(1);
  h.runJob("expire");
  h.runJob("expire");
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/0/EXPIRED/1000//0/0"});
  EXPECT_TRUE(h.ledger().entries.empty());
}

TEST_F(ErrandsJobsTest, APaidTaskNobodyTookIsCancelledAtItsDeadlineAndRefundedOnce) {
  const auto id = published("12.34");
  const auto taken = published("5");
  ASSERT_EQ(as(2, "/errands/take", taken).code, 0);
  h.clock().advance(2 * kHour - 1000);
  h.runJob("expire");
  EXPECT_EQ(rows()[0], "1/1/0/PUBLISHED/1234/errands:PNSTEP1-0/0/0");
  h.clock().advance(1000);
  h.runJob("expire");
  h.runJob("expire");
  EXPECT_EQ(rows(), (std::vector<std::string>{"1/1/0/CANCELLED/1234/errands:PNSTEP1-0/0/0",
                                              "1/1/2/TAKEN/500/errands:PNSTEP2-0/0/0"}));
  EXPECT_EQ(h.ledger().balance_, 1234);
  ASSERT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(h.ledger().entries[0].reason, "跑腿任务无人接单退款");
  EXPECT_EQ(h.ledger().entries[0].reference, "errands:refund:" + std::to_string(id));
}

TEST_F(ErrandsJobsTest, ADeliveredTaskIsConfirmedAfterTheSetHoursAndTheRunnerPaidOnce) {
  setSettings(R"({"autoConfirmHours":2,"commissionPercent":0})");
  const auto id = published("7");
  ASSERT_EQ(as(2, "/errands/take", id).code, 0);
  ASSERT_EQ(as(2, "/errands/deliver", id).code, 0);
  h.clock().advance(2 * kHour - 1);
  h.runJob("auto_confirm");
  EXPECT_EQ(rows()[0], "1/1/2/DELIVERED/700/errands:PNSTEP1-0/0/0");
  h.clock().advance(1);
  h.runJob("auto_confirm");
  h.runJob("auto_confirm");
  EXPECT_EQ(rows()[0], "1/1/2/COMPLETED/700/errands:PNSTEP1-0/0/700");
  EXPECT_EQ(h.ledger(2).balance_, 700);
  ASSERT_EQ(h.ledger(2).entries.size(), 1u);
  EXPECT_EQ(h.ledger(2).entries[0].reference, "errands:payout:1");
  // Nor does the deadline job touch it.
  h.runJob("expire");
  EXPECT_EQ(rows()[0], "1/1/2/COMPLETED/700/errands:PNSTEP1-0/0/700");
}

TEST_F(ErrandsJobsTest, JobsWorkOnTheirOwnFactoryOnly) {
  published();
  h.setFactory(2);
  h.clock().advance(3 * kHour);
  h.runJob("expire");
  EXPECT_EQ(rows()[0], "1/1/0/PUBLISHED/1000/errands:PNSTEP1-0/0/0");
}

}  // namespace
}  // namespace paynext::plugins::errands::test
