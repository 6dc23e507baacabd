#include "plugins/errands/pay_task_handler.h"

#include "errands_test_support.h"

namespace paynext::plugins::errands::test {
namespace {

class PayTaskHandlerTest : public ErrandsTest {};

TEST_F(PayTaskHandlerTest, ValidateReturnsTheStoredFeeInFen) {
  const auto a = post("12.50"), b = post("1");
  EXPECT_EQ(h.validate(20, pay(a)), 1250);
  EXPECT_EQ(h.validate(20, "{\"taskId\":\"" + std::to_string(b) + "\"}"), 100);
  EXPECT_EQ(rows(), (std::vector<std::string>{"1/1/0/UNPAID/1250//0/0", "1/1/0/UNPAID/100//0/0"}));
}

TEST_F(PayTaskHandlerTest, ValidateRefusesBadParamsNamingTheField) {
  post();
  EXPECT_EQ(refusal([&] { h.validate(20, "{}"); }), Refusal(300, "缺少参数 taskId"));
  EXPECT_EQ(refusal([&] { h.validate(20, R"({"taskId":0})"); }), Refusal(300, "参数 taskId 格式错误,应为正整数"));
  EXPECT_EQ(refusal([&] { h.validate(20, R"({"taskId":"x"})"); }), Refusal(300, "参数 taskId 格式错误,应为整数"));
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/0/UNPAID/1000//0/0"});
}

TEST_F(PayTaskHandlerTest, ValidateRefusesWhatIsNotTheCallersOrNotPayable) {
  const auto mine = post();
  EXPECT_EQ(refusal([&] { h.validate(20, pay(99)); }), Refusal(700, "跑腿任务 99 不存在"));
  h.setUser(2);
  EXPECT_EQ(refusal([&] { h.validate(20, pay(mine)); }), Refusal(700, "跑腿任务 1 不存在"));
  h.setUser(1);
  h.setFactory(2);
  EXPECT_EQ(refusal([&] { h.validate(20, pay(mine)); }), Refusal(700, "跑腿任务 1 不存在"));
  h.setFactory(1);
  // Unpaid past the expiry (30 minutes by default), before the job has run.
  h.clock().advance(30 * kMinute);
  EXPECT_EQ(refusal([&] { h.validate(20, pay(mine)); }), Refusal(300, "跑腿任务 1 已过期,不能支付"));
  h.runJob("expire");
  EXPECT_EQ(refusal([&] { h.validate(20, pay(mine)); }), Refusal(300, "跑腿任务 1 已过期,不能支付"));
  // Paid already.
  const auto paid = published();
  EXPECT_EQ(refusal([&] { h.validate(20, pay(paid)); }), Refusal(300, "跑腿任务 2 已支付,不能重复支付"));
  // Cancelled at its deadline.
  h.clock().advance(2 * kHour);
  h.runJob("expire");
  EXPECT_EQ(refusal([&] { h.validate(20, pay(paid)); }), Refusal(300, "跑腿任务 2 已取消,不能支付"));
  EXPECT_EQ(rows(), (std::vector<std::string>{"1/1/0/EXPIRED/1000//0/0", "1/1/0/CANCELLED/1000/errands:PNSTEP1-0/0/0"}));
}

TEST_F(PayTaskHandlerTest, ValidateRefusesATaskPastItsDeadline) {
  setSettings(R"({"unpaidExpiryMinutes":600})");
  const auto id = post();
  h.clock().advance(2 * kHour);
  EXPECT_EQ(refusal([&] { h.validate(20, pay(id)); }), Refusal(300, "跑腿任务 1 已过接单截止时间,不能支付"));
}

TEST_F(PayTaskHandlerTest, ExecuteDebitsTheFeeAndPublishesTheTask) {
  const auto id = post("12.50");
  h.ledger().balance_ = 2000;
  const auto run = h.newPayment();
  const auto r = h.execute(20, pay(id), run);
  ASSERT_EQ(r.status, Status::Done) << r.reason;
  EXPECT_EQ(r.result->getValue<std::string>("status"), "PUBLISHED");
  EXPECT_EQ(h.ledger().balance_, 750);
  ASSERT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(h.ledger().entries[0].reason, "支付跑腿任务");
  EXPECT_EQ(h.ledger().entries[0].reference, "errands:" + run.key);
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/0/PUBLISHED/1250/errands:" + run.key + "/0/0"});
}

TEST_F(PayTaskHandlerTest, ExecuteAgainWithTheSameKeyChangesNothing) {
  const auto id = post();
  h.ledger().balance_ = 5000;
  const auto run = h.newPayment();
  ASSERT_EQ(h.execute(20, pay(id), run).status, Status::Done);
  const auto again = h.execute(20, pay(id), run);
  EXPECT_EQ(again.status, Status::Done);
  EXPECT_EQ(h.ledger().balance_, 4000);
  EXPECT_EQ(h.ledger().entries.size(), 1u);
}

TEST_F(PayTaskHandlerTest, ASecondPaymentFailsAndLeavesItsMoneyInTheWallet) {
  const auto id = post();
  h.ledger().balance_ = 5000;
  const auto first = h.newPayment();
  ASSERT_EQ(h.execute(20, pay(id), first).status, Status::Done);
  const auto second = h.execute(20, pay(id));
  EXPECT_EQ(second.status, Status::Fail);
  EXPECT_EQ(second.reason, "跑腿任务 1 已支付,不能重复支付");
  EXPECT_EQ(h.ledger().balance_, 4000);
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/0/PUBLISHED/1000/errands:" + first.key + "/0/0"});
}

TEST_F(PayTaskHandlerTest, ExecuteFailsCleanlyWhenTheTaskExpiredOrTheWalletFallsShort) {
  const auto id = post();
  h.ledger().balance_ = 999;
  const auto poor = h.execute(20, pay(id));
  EXPECT_EQ(poor.status, Status::Fail);
  EXPECT_EQ(poor.reason, "余额不足,无法支付跑腿费 10.00 元");
  h.ledger().balance_ = 5000;
  h.clock().advance(30 * kMinute);
  const auto late = h.execute(20, pay(id));
  EXPECT_EQ(late.status, Status::Fail);
  EXPECT_EQ(late.reason, "跑腿任务 1 已过期,不能支付");
  h.setUser(2);
  const auto other = h.execute(20, pay(id));
  EXPECT_EQ(other.reason, "跑腿任务 1 不存在");
  EXPECT_EQ(h.ledger(1).balance_, 5000);
  EXPECT_TRUE(h.ledger(1).entries.empty());
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/0/UNPAID/1000//0/0"});
}

TEST_F(PayTaskHandlerTest, IsDeclaredAsType20WithTaskId) {
  const auto types = ErrandsModule().actionTypes();
  ASSERT_EQ(types.size(), 1u);
  EXPECT_EQ(types[0].code, 20);
  EXPECT_EQ(types[0].title, "支付跑腿任务订单");
  ASSERT_EQ(types[0].params.size(), 1u);
  EXPECT_EQ(types[0].params[0].name, "taskId");
}

TEST_F(PayTaskHandlerTest, PostgresqlMigrationsRun) {
  if (!h.checkPostgresqlMigrations()) GTEST_SKIP() << "PAYNEXT_TEST_POSTGRESQL is not set";
}

}  // namespace
}  // namespace paynext::plugins::errands::test
