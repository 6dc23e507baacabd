#include "plugins/enroll/pay_enrollment_handler.h"

#include "enroll_test_support.h"

namespace paynext::plugins::enroll::test {
namespace {

class PayEnrollmentHandlerTest : public EnrollTest {};

TEST_F(PayEnrollmentHandlerTest, ValidateReturnsTheProjectsFeeInFen) {
  const auto a = apply(addProject("夏令营", "12.50", 10));
  EXPECT_EQ(h.validate(3, step(a)), 1250);
  EXPECT_EQ(h.validate(3, "{\"id\":\"" + std::to_string(a) + "\"}"), 1250);
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/1/UNPAID/0//{\"name\":\"张三\"}"});
}

TEST_F(PayEnrollmentHandlerTest, ValidateFollowsTheFeeAdminsSet) {
  const auto project = addProject("夏令营", "12.50", 10);
  const auto a = apply(project);
  putProject(project, R"("title":"夏令营","fee":"9.90","capacity":10)");
  EXPECT_EQ(h.validate(3, step(a)), 990);
}

TEST_F(PayEnrollmentHandlerTest, ValidateRefusesBadParamsNamingTheField) {
  apply(addProject("夏令营", "1", 10));
  EXPECT_EQ(refusal([&] { h.validate(3, "{}"); }), Refusal(300, "缺少参数 id"));
  EXPECT_EQ(refusal([&] { h.validate(3, R"({"id":0})"); }), Refusal(300, "参数 id 格式错误,应为正整数"));
  EXPECT_EQ(refusal([&] { h.validate(3, R"({"id":"x"})"); }), Refusal(300, "参数 id 格式错误,应为整数"));
  EXPECT_EQ(refusal([&] { h.validate(3, R"({"id":true})"); }), Refusal(300, "参数 id 格式错误,应为整数"));
  EXPECT_EQ(refusal([&] { h.validate(3, R"({"id":1.5})"); }), Refusal(300, "参数 id 格式错误,应为整数"));
  EXPECT_EQ(rows().size(), 1u);
}

TEST_F(PayEnrollmentHandlerTest, ValidateRefusesAProjectIdWithAPointerToTheApplicationId) {
  addProject("夏令营", "1", 10);
  const auto project = addProject("冬令营", "1", 10);
  apply(1);
  EXPECT_EQ(refusal([&] { h.validate(3, step(project)); }),
            Refusal(300, "参数 id 应为报名记录的 id(由 /enroll/apply 返回),不是报名项目的 id"));
}

TEST_F(PayEnrollmentHandlerTest, ValidateRefusesWhatIsNotTheCallersApplication) {
  const auto project = addProject("夏令营", "1", 10);
  // Application ids past the only project's id, so none reads as a project's.
  h.setUser(3);
  ASSERT_EQ(h.callAs(sdk::Audience::User, "POST", "/enroll/cancel", step(apply(project))).code, 0);
  h.setUser(1);
  const auto mine = apply(project);
  ASSERT_EQ(mine, 2);
  EXPECT_EQ(refusal([&] { h.validate(3, step(99)); }), Refusal(700, "报名记录 99 不存在"));
  // Another user's application is reported as missing.
  h.setUser(2);
  const auto theirs = apply(project);
  EXPECT_EQ(refusal([&] { h.validate(3, step(mine)); }), Refusal(700, "报名记录 2 不存在"));
  // Another factory's too.
  h.setFactory(2);
  EXPECT_EQ(refusal([&] { h.validate(3, step(theirs)); }), Refusal(700, "报名记录 3 不存在"));
}

TEST_F(PayEnrollmentHandlerTest, ValidateRefusesWhatCannotBePaidNow) {
  const auto project = addProject("夏令营", "1", 1, kToday);
  const auto mine = apply(project);
  // Stopped by the admin.
  putProject(project, R"("title":"夏令营","fee":"1","capacity":1,"enabled":false)");
  EXPECT_EQ(refusal([&] { h.validate(3, step(mine)); }), Refusal(300, "报名项目「夏令营」已停止报名"));
  putProject(project, R"("title":"夏令营","fee":"1","capacity":1,"deadline":")" + std::string(kToday) + "\"");
  // Full: another user paid the only seat.
  h.setUser(2);
  h.ledger().balance_ = 100;
  ASSERT_EQ(h.execute(3, step(apply(project))).status, Status::Done);
  h.setUser(1);
  EXPECT_EQ(refusal([&] { h.validate(3, step(mine)); }), Refusal(300, "报名项目「夏令营」名额已满"));
  // Past the deadline (the end of that day, China time).
  putProject(project, R"("title":"夏令营","fee":"1","capacity":5,"deadline":")" + std::string(kToday) + "\"");
  EXPECT_EQ(h.validate(3, step(mine)), 100);
  h.clock().advance(kDayMs);
  EXPECT_EQ(refusal([&] { h.validate(3, step(mine)); }),
            Refusal(300, "报名项目「夏令营」已于 2023-11-15 23:59:59 截止报名"));
}

TEST_F(PayEnrollmentHandlerTest, ValidateRefusesPaidAndCancelledApplications) {
  const auto project = addProject("夏令营", "1", 10);
  const auto a = apply(project);
  h.ledger().balance_ = 100;
  ASSERT_EQ(h.execute(3, step(a)).status, Status::Done);
  EXPECT_EQ(refusal([&] { h.validate(3, step(a)); }), Refusal(300, "报名记录 1 已支付,不能重复支付"));
  h.setUser(2);
  const auto b = apply(project);
  ASSERT_EQ(h.callAs(sdk::Audience::User, "POST", "/enroll/cancel", step(b)).code, 0);
  EXPECT_EQ(refusal([&] { h.validate(3, step(b)); }), Refusal(300, "报名记录 2 已取消,不能支付"));
}

TEST_F(PayEnrollmentHandlerTest, ExecuteTakesASeatDebitsTheFeeAndMarksTheApplicationPaid) {
  const auto project = addProject("夏令营", "12.50", 10);
  const auto a = apply(project);
  h.ledger().balance_ = 2000;
  h.clock().advance(60000);
  const auto run = h.newPayment();
  const auto r = h.execute(3, step(a), run);
  ASSERT_EQ(r.status, Status::Done) << r.reason;
  EXPECT_EQ(h.ledger().balance_, 750);
  ASSERT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(h.ledger().entries[0].reason, "支付报名费");
  EXPECT_EQ(h.ledger().entries[0].reference, "enroll:" + run.key);
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/1/PAID/1250/" + run.key + "/{\"name\":\"张三\"}"});
  EXPECT_EQ(seatsTaken(project), 1);
  ASSERT_TRUE(r.result);
  EXPECT_EQ(r.result->getValue<Poco::Int64>("applicationId"), a);
  EXPECT_EQ(r.result->getValue<double>("amount"), 12.5);
  // Stamped with the host's clock, in China time.
  const auto list = h.callAs(sdk::Audience::User, "GET", "/enroll/my", "{}");
  ASSERT_EQ(list.code, 0) << list.msg;
  EXPECT_EQ(array(list)->getObject(0)->getValue<std::string>("paidAt"), "2023-11-15 06:14:20");
}

TEST_F(PayEnrollmentHandlerTest, ExecuteTwiceForOneStepPaysOnce) {
  const auto project = addProject("夏令营", "3", 10);
  const auto a = apply(project);
  h.ledger().balance_ = 1000;
  const auto run = h.newPayment();
  ASSERT_EQ(h.execute(3, step(a), run).status, Status::Done);
  const auto again = h.execute(3, step(a), run);
  ASSERT_EQ(again.status, Status::Done) << again.reason;
  EXPECT_EQ(h.ledger().balance_, 700);
  EXPECT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(seatsTaken(project), 1);
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/1/PAID/300/" + run.key + "/{\"name\":\"张三\"}"});
}

TEST_F(PayEnrollmentHandlerTest, ExecuteFailsCleanlyWhenAnotherPaymentPaidItMeanwhile) {
  const auto project = addProject("夏令营", "3", 10);
  const auto a = apply(project);
  h.ledger().balance_ = 1000;
  const auto first = h.newPayment();
  ASSERT_EQ(h.execute(3, step(a), first).status, Status::Done);
  const auto r = h.execute(3, step(a), h.newPayment());
  EXPECT_EQ(failure(r), "报名记录 1 已支付,不能重复支付");
  // The second payment's money stays in the wallet, and no second seat is taken.
  EXPECT_EQ(h.ledger().balance_, 700);
  EXPECT_EQ(seatsTaken(project), 1);
}

TEST_F(PayEnrollmentHandlerTest, TheLastSeatGoesToOnePayer) {
  const auto project = addProject("夏令营", "2", 1);
  const auto mine = apply(project);
  h.setUser(2);
  const auto theirs = apply(project);
  h.ledger(1).balance_ = h.ledger(2).balance_ = 500;
  // Both were payable when their payments were created.
  EXPECT_EQ(h.validate(3, step(theirs)), 200);
  h.setUser(1);
  EXPECT_EQ(h.validate(3, step(mine)), 200);
  h.setUser(2);
  ASSERT_EQ(h.execute(3, step(theirs)).status, Status::Done);
  h.setUser(1);
  const auto r = h.execute(3, step(mine));
  EXPECT_EQ(failure(r), "报名项目「夏令营」名额已满");
  EXPECT_EQ(h.ledger(1).balance_, 500);
  EXPECT_TRUE(h.ledger(1).entries.empty());
  EXPECT_EQ(h.ledger(2).balance_, 300);
  EXPECT_EQ(seatsTaken(project), 1);
  EXPECT_EQ(rows()[0].substr(0, 13), "1/1/1/UNPAID/");
  EXPECT_EQ(rows()[1].substr(0, 11), "1/1/2/PAID/");
}

TEST_F(PayEnrollmentHandlerTest, ExecuteFailsWhenTheDeadlinePassedMeanwhileAndChangesNothing) {
  const auto project = addProject("夏令营", "2", 10, kToday);
  const auto a = apply(project);
  h.ledger().balance_ = 500;
  EXPECT_EQ(h.validate(3, step(a)), 200);
  h.clock().advance(kDayMs);
  const auto r = h.execute(3, step(a));
  EXPECT_EQ(failure(r), "报名项目「夏令营」已于 2023-11-15 23:59:59 截止报名");
  EXPECT_EQ(h.ledger().balance_, 500);
  EXPECT_EQ(seatsTaken(project), 0);
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/1/UNPAID/0//{\"name\":\"张三\"}"});
}

TEST_F(PayEnrollmentHandlerTest, ExecuteFailsWhenCancelledMeanwhile) {
  const auto project = addProject("夏令营", "2", 10);
  const auto a = apply(project);
  h.ledger().balance_ = 500;
  ASSERT_EQ(h.callAs(sdk::Audience::User, "POST", "/enroll/cancel", step(a)).code, 0);
  const auto r = h.execute(3, step(a));
  EXPECT_EQ(failure(r), "报名记录 1 已取消,不能支付");
  EXPECT_EQ(h.ledger().balance_, 500);
  EXPECT_EQ(seatsTaken(project), 0);
}

TEST_F(PayEnrollmentHandlerTest, ExecuteFailsWhenTheWalletIsShortAndChangesNothing) {
  const auto project = addProject("夏令营", "12.50", 10);
  const auto a = apply(project);
  h.ledger().balance_ = 1249;
  const auto r = h.execute(3, step(a));
  EXPECT_EQ(failure(r), "余额不足,支付报名费需要 12.50 元");
  EXPECT_EQ(h.ledger().balance_, 1249);
  EXPECT_TRUE(h.ledger().entries.empty());
  EXPECT_EQ(seatsTaken(project), 0);
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/1/UNPAID/0//{\"name\":\"张三\"}"});
}

TEST_F(PayEnrollmentHandlerTest, ExecuteFailsOnBadParams) {
  const auto r = h.execute(3, R"({"id":"x"})");
  EXPECT_EQ(failure(r), "参数 id 格式错误,应为整数");
}

TEST_F(PayEnrollmentHandlerTest, PostgresqlMigrationsRun) {
  if (!h.checkPostgresqlMigrations()) GTEST_SKIP() << "PAYNEXT_TEST_POSTGRESQL is not set";
}

}  // namespace
}  // namespace paynext::plugins::enroll::test
