#include "plugins/courses/pay_course_handler.h"

#include "courses_test_support.h"

namespace paynext::plugins::courses::test {
namespace {

constexpr std::int64_t kThirtyDaysMs = 30LL * 24 * 3600 * 1000;

class PayCourseHandlerTest : public CoursesTest {};

TEST_F(PayCourseHandlerTest, TheModuleDeclaresType15WithTheDocumentsParam) {
  CoursesModule module;
  EXPECT_EQ(module.name(), "courses");
  EXPECT_EQ(module.title(), "课程");
  const auto types = module.actionTypes();
  ASSERT_EQ(types.size(), 1u);
  EXPECT_EQ(types[0].code, 15);
  EXPECT_EQ(types[0].title, "支付购买课程订单");
  ASSERT_EQ(types[0].params.size(), 1u);
  EXPECT_EQ(types[0].params[0].name, "id");
  EXPECT_EQ(types[0].params[0].type, "int");
  EXPECT_TRUE(types[0].params[0].required);
}

TEST_F(PayCourseHandlerTest, ValidateReturnsTheCoursePriceNotThePayments) {
  const auto purchase = buy(addCourse("128.50", 10));
  EXPECT_EQ(h.validate(kType, params(purchase)), 12850);
  EXPECT_EQ(h.validate(kType, "{\"id\":\"" + std::to_string(purchase) + "\"}"), 12850);  // a numeric string
  EXPECT_EQ(h.validate(kType, "{\"id\":" + std::to_string(purchase) + ",\"money\":\"0.01\"}"), 12850);
}

TEST_F(PayCourseHandlerTest, ValidateRefusesBadParamsNamingTheField) {
  addCourse("1", 10);
  EXPECT_EQ(refusal([&] { h.validate(kType, "{}"); }), Refusal(300, "缺少参数 id"));
  EXPECT_EQ(refusal([&] { h.validate(kType, R"({"id":"abc"})"); }), Refusal(300, "参数 id 格式错误,应为整数"));
  EXPECT_EQ(refusal([&] { h.validate(kType, R"({"id":-3})"); }), Refusal(300, "参数 id 格式错误,应为正整数"));
  EXPECT_EQ(refusal([&] { h.validate(kType, R"({"id":1.5})"); }), Refusal(300, "参数 id 格式错误,应为整数"));
  EXPECT_EQ(refusal([&] { h.validate(kType, R"({"id":99})"); }), Refusal(700, "课程购买记录 99 不存在"));
  EXPECT_EQ(courses(), std::vector<std::string>{"1/摄影入门/100/10/0/1"});
  EXPECT_TRUE(purchases().empty());
  EXPECT_TRUE(h.ledger().entries.empty());
}

TEST_F(PayCourseHandlerTest, ACourseIdIsRefusedSayingToUseThePurchaseId) {
  addCourse("1", 10);
  const auto course = addCourse("2", 10, "书法");  // course 2; the caller's only purchase is 1
  ASSERT_EQ(buy(course), 1);
  EXPECT_EQ(refusal([&] { h.validate(kType, params(course)); }),
            Refusal(300, "参数 id 应为购买课程的记录 id(由 /courses/buy 返回),不是课程的 id"));
  const auto r = h.execute(kType, params(course));
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "参数 id 应为购买课程的记录 id(由 /courses/buy 返回),不是课程的 id");
  EXPECT_EQ(purchases(), std::vector<std::string>{"1/1/2/UNPAID/0/"});
}

TEST_F(PayCourseHandlerTest, ValidateRefusesAnotherUsersOrFactorysPurchase) {
  const auto course = addCourse("1", 10);
  buy(course, kOther);
  const auto theirs = buy(course, kThird);  // purchase 2: no course has that id
  h.setUser(kUser);
  EXPECT_EQ(refusal([&] { h.validate(kType, params(theirs)); }), Refusal(700, "课程购买记录 2 不存在"));
  const auto mine = buy(course);
  h.setFactory(2);
  EXPECT_EQ(refusal([&] { h.validate(kType, params(mine)); }), Refusal(700, "课程购买记录 3 不存在"));
}

TEST_F(PayCourseHandlerTest, ValidateRefusesWhatCannotBePaidNow) {
  const auto full = addCourse("5", 1, "满员课");
  const auto mine = buy(full);
  const auto theirs = buy(full, kOther);
  ASSERT_EQ(pay(theirs, kOther).status, Status::Done);
  EXPECT_EQ(refusal([&] { h.validate(kType, params(theirs)); }), Refusal(300, "课程购买记录 2 已支付"));
  h.setUser(kUser);
  EXPECT_EQ(refusal([&] { h.validate(kType, params(mine)); }), Refusal(300, "课程「满员课」名额已满"));

  const auto offSale = addCourse("5", 10, "下架课");
  const auto offSalePurchase = buy(offSale);
  auto r = admin("PUT", "/courses", "{\"id\":" + std::to_string(offSale) +
                                        R"(,"title":"下架课","price":5,"seats":10,"dateStart":"2023-12-01",)"
                                        R"("dateEnd":"2023-12-31","onSale":false})");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(refusal([&] { h.validate(kType, params(offSalePurchase)); }), Refusal(300, "课程「下架课」已下架"));

  const auto cancelled = buy(addCourse("5", 10, "取消课"));
  r = h.callAs(sdk::Audience::User, "POST", "/courses/purchase/cancel", params(cancelled));
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(refusal([&] { h.validate(kType, params(cancelled)); }), Refusal(300, "课程购买记录 4 已取消"));

  const auto soon = buy(addCourse("5", 10, "开课课", "2023-11-15 06:13:21"));
  EXPECT_EQ(h.validate(kType, params(soon)), 500);
  h.clock().advance(1000);  // 06:13:21 China time: it starts now
  EXPECT_EQ(refusal([&] { h.validate(kType, params(soon)); }), Refusal(300, "课程「开课课」已开课,不能再购买"));
  EXPECT_EQ(h.ledger(kUser).entries.size(), 0u);
}

TEST_F(PayCourseHandlerTest, ASecondRecordOfACourseTheUserIsEnrolledInIsRefused) {
  const auto course = addCourse("3", 10);
  const auto first = buy(course);
  // A second unpaid record of the same course, as two buy requests racing could leave it.
  h.session() << "INSERT INTO courses_purchases (factory_id, user_id, course_id, status, created_at) "
                 "VALUES (1, 1, 1, 'UNPAID', 0)",
      Poco::Data::Keywords::now;
  ASSERT_EQ(pay(first).status, Status::Done);
  EXPECT_EQ(refusal([&] { h.validate(kType, params(2)); }), Refusal(300, "您已报名课程「摄影入门」,不能重复购买"));
  const auto r = pay(2, kUser, 300);
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "您已报名课程「摄影入门」,不能重复购买");
  EXPECT_EQ(h.ledger().balance_, 300);
  EXPECT_EQ(courses(), std::vector<std::string>{"1/摄影入门/300/10/1/1"});
}

TEST_F(PayCourseHandlerTest, ExecuteEnrollsTakesASeatAndDebitsThePrice) {
  const auto course = addCourse("12.34", 2);
  const auto purchase = buy(course);
  h.ledger().balance_ = 2000;
  const auto run = h.newPayment();
  const auto r = h.execute(kType, params(purchase), run);
  ASSERT_EQ(r.status, Status::Done) << r.reason;
  EXPECT_EQ(h.ledger().balance_, 766);
  ASSERT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(h.ledger().entries[0].amount, -1234);
  EXPECT_EQ(h.ledger().entries[0].reason, "购买课程");
  EXPECT_EQ(h.ledger().entries[0].reference, "courses:" + run.key);
  EXPECT_EQ(courses(), std::vector<std::string>{"1/摄影入门/1234/2/1/1"});
  EXPECT_EQ(purchases(), std::vector<std::string>{"1/1/1/PAID/1234/" + run.key});
  ASSERT_TRUE(r.result);
  EXPECT_EQ(r.result->getValue<std::int64_t>("purchaseId"), purchase);
  EXPECT_EQ(r.result->getValue<std::int64_t>("courseId"), course);
  EXPECT_DOUBLE_EQ(r.result->getValue<double>("amount"), 12.34);
}

TEST_F(PayCourseHandlerTest, ThePriceIsTheCoursesWhenTheStepRuns) {
  const auto course = addCourse("10", 5);
  const auto purchase = buy(course);
  EXPECT_EQ(h.validate(kType, params(purchase)), 1000);
  auto r = admin("PUT", "/courses", "{\"id\":" + std::to_string(course) +
                                        R"(,"title":"摄影入门","price":"8.80","seats":5,"dateStart":"2023-12-01 09:00:00",)"
                                        R"("dateEnd":"2023-12-31"})");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(pay(purchase, kUser, 1000).status, Status::Done);
  EXPECT_EQ(h.ledger().balance_, 120);
  EXPECT_EQ(purchases(), std::vector<std::string>{"1/1/1/PAID/880/PNSTEP1-0"});
}

TEST_F(PayCourseHandlerTest, ARepeatedStepChangesNothing) {
  const auto purchase = buy(addCourse("3", 5));
  h.ledger().balance_ = 1000;
  const auto run = h.newPayment();
  ASSERT_EQ(h.execute(kType, params(purchase), run).status, Status::Done);
  const auto again = h.execute(kType, params(purchase), run);
  ASSERT_EQ(again.status, Status::Done) << again.reason;
  EXPECT_DOUBLE_EQ(again.result->getValue<double>("amount"), 3);
  EXPECT_EQ(h.ledger().balance_, 700);
  EXPECT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(courses(), std::vector<std::string>{"1/摄影入门/300/5/1/1"});
  // Another payment's step for the same record fails: it was paid already.
  const auto other = h.execute(kType, params(purchase));
  EXPECT_EQ(other.status, Status::Fail);
  EXPECT_EQ(other.reason, "课程购买记录 1 已支付");
  EXPECT_EQ(h.ledger().balance_, 700);
  EXPECT_EQ(courses(), std::vector<std::string>{"1/摄影入门/300/5/1/1"});
}

TEST_F(PayCourseHandlerTest, TheLastSeatGoesToOnePayerTheOtherFailsKeepingTheMoney) {
  const auto course = addCourse("4", 2);
  const auto first = buy(course);
  const auto second = buy(course, kOther);
  const auto third = buy(course, kThird);
  ASSERT_EQ(pay(first).status, Status::Done);
  ASSERT_EQ(pay(second, kOther).status, Status::Done);
  const auto r = pay(third, kThird, 400);
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "课程「摄影入门」名额已满");
  EXPECT_EQ(h.ledger(kThird).balance_, 400);
  EXPECT_TRUE(h.ledger(kThird).entries.empty());
  EXPECT_EQ(courses(), std::vector<std::string>{"1/摄影入门/400/2/2/1"});
  EXPECT_EQ(purchases(), (std::vector<std::string>{"1/1/1/PAID/400/PNSTEP1-0", "1/2/1/PAID/400/PNSTEP2-0",
                                                   "1/3/1/UNPAID/0/"}));
}

TEST_F(PayCourseHandlerTest, AShortWalletFailsAndTakesNoSeat) {
  const auto purchase = buy(addCourse("4", 1));
  const auto r = pay(purchase, kUser, 399);
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "余额不足,购买课程「摄影入门」需要 4.00 元");
  EXPECT_EQ(h.ledger().balance_, 399);
  EXPECT_TRUE(h.ledger().entries.empty());
  EXPECT_EQ(courses(), std::vector<std::string>{"1/摄影入门/400/1/0/1"});
  EXPECT_EQ(purchases(), std::vector<std::string>{"1/1/1/UNPAID/0/"});
}

TEST_F(PayCourseHandlerTest, ACourseStartedSinceThePaymentFailsTheStep) {
  const auto purchase = buy(addCourse("4", 10));
  EXPECT_EQ(h.validate(kType, params(purchase)), 400);
  h.clock().advance(kThirtyDaysMs);
  const auto r = pay(purchase, kUser, 400);
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "课程「摄影入门」已开课,不能再购买");
  EXPECT_EQ(h.ledger().balance_, 400);
  EXPECT_EQ(courses(), std::vector<std::string>{"1/摄影入门/400/10/0/1"});
  EXPECT_EQ(purchases(), std::vector<std::string>{"1/1/1/UNPAID/0/"});
}

TEST_F(PayCourseHandlerTest, ARecordCancelledSinceThePaymentFailsTheStep) {
  const auto purchase = buy(addCourse("4", 10));
  EXPECT_EQ(h.validate(kType, params(purchase)), 400);
  ASSERT_EQ(h.callAs(sdk::Audience::User, "POST", "/courses/purchase/cancel", params(purchase)).code, 0);
  const auto r = pay(purchase, kUser, 400);
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "课程购买记录 1 已取消");
  EXPECT_EQ(h.ledger().balance_, 400);
  EXPECT_EQ(courses(), std::vector<std::string>{"1/摄影入门/400/10/0/1"});
}

TEST_F(PayCourseHandlerTest, ExecuteFailsForAPurchaseOfAnotherUser) {
  const auto course = addCourse("1", 10);
  buy(course, kThird);
  const auto purchase = buy(course, kOther);  // purchase 2: no course has that id
  const auto r = pay(purchase, kUser, 100);
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "课程购买记录 2 不存在");
  EXPECT_EQ(h.ledger().balance_, 100);
  EXPECT_EQ(purchases(), (std::vector<std::string>{"1/3/1/UNPAID/0/", "1/2/1/UNPAID/0/"}));
}

TEST_F(PayCourseHandlerTest, PostgresqlMigrationsRun) {
  if (!h.checkPostgresqlMigrations()) GTEST_SKIP() << "PAYNEXT_TEST_POSTGRESQL is not set";
}

}  // namespace
}  // namespace paynext::plugins::courses::test
