#include "plugins/cpmatch/admit_handler.h"

#include "cpmatch_test_support.h"

namespace paynext::plugins::cpmatch::test {
namespace {

class AdmitHandlerTest : public CpmatchTest {};

TEST_F(AdmitHandlerTest, TheModuleDeclaresType23WithTheDocumentsParamAndThePairJob) {
  CpmatchModule module;
  EXPECT_EQ(module.name(), "cpmatch");
  EXPECT_EQ(module.title(), "CP活动");
  const auto types = module.actionTypes();
  ASSERT_EQ(types.size(), 1u);
  EXPECT_EQ(types[0].code, 23);
  EXPECT_EQ(types[0].title, "cp匹配活动-付费入场");
  ASSERT_EQ(types[0].params.size(), 1u);
  EXPECT_EQ(types[0].params[0].name, "cpactivityId");
  EXPECT_EQ(types[0].params[0].type, "int");
  EXPECT_TRUE(types[0].params[0].required);
  const auto jobs = module.jobs();
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(jobs[0].name, "pair_ended");
}

TEST_F(AdmitHandlerTest, PostgresqlMigrationsRun) {
  if (!h.checkPostgresqlMigrations()) GTEST_SKIP() << "PAYNEXT_TEST_POSTGRESQL is not set";
}

TEST_F(AdmitHandlerTest, ValidateReturnsTheFeeNotThePayments) {
  const auto activity = addActivity("52.50", 10);
  signup(activity, kMale);
  EXPECT_EQ(h.validate(kType, params(activity)), 5250);
  EXPECT_EQ(h.validate(kType, "{\"cpactivityId\":\"" + std::to_string(activity) + "\"}"), 5250);
  EXPECT_EQ(h.validate(kType, "{\"cpactivityId\":" + std::to_string(activity) + ",\"money\":\"0.01\"}"), 5250);
}

TEST_F(AdmitHandlerTest, ValidateRefusesBadParamsNamingTheField) {
  addActivity("1", 10);
  EXPECT_EQ(refusal([&] { h.validate(kType, "{}"); }), Refusal(300, "缺少参数 cpactivityId"));
  EXPECT_EQ(refusal([&] { h.validate(kType, R"({"cpactivityId":"abc"})"); }),
            Refusal(300, "参数 cpactivityId 格式错误,应为整数"));
  EXPECT_EQ(refusal([&] { h.validate(kType, R"({"cpactivityId":0})"); }),
            Refusal(300, "参数 cpactivityId 格式错误,应为正整数"));
  EXPECT_EQ(refusal([&] { h.validate(kType, R"({"cpactivityId":1.5})"); }),
            Refusal(300, "参数 cpactivityId 格式错误,应为整数"));
  EXPECT_EQ(refusal([&] { h.validate(kType, R"({"cpactivityId":99})"); }), Refusal(700, "CP活动 99 不存在"));
  EXPECT_EQ(activities(), std::vector<std::string>{"1/周末CP活动/100/10/0/0/0/0"});
  EXPECT_TRUE(signups().empty());
  EXPECT_TRUE(h.ledger().entries.empty());
}

TEST_F(AdmitHandlerTest, ValidateRefusesAnotherFactorysActivity) {
  const auto activity = addActivity("1", 10);
  signup(activity, kMale);
  h.setFactory(2);
  EXPECT_EQ(refusal([&] { h.validate(kType, params(activity)); }), Refusal(700, "CP活动 1 不存在"));
  EXPECT_EQ(h.execute(kType, params(activity)).reason, "CP活动 1 不存在");
}

TEST_F(AdmitHandlerTest, ValidateRefusesACallerWhoHasNotSignedUpOrIsAdmitted) {
  const auto activity = addActivity("1", 10);
  h.setUser(kUser);
  EXPECT_EQ(refusal([&] { h.validate(kType, params(activity)); }),
            Refusal(300, "您尚未报名CP活动「周末CP活动」,请先报名并填写性别"));
  signup(activity, kMale, 2);  // someone else's sign-up is not the caller's
  h.setUser(kUser);
  EXPECT_EQ(refusal([&] { h.validate(kType, params(activity)); }).second,
            "您尚未报名CP活动「周末CP活动」,请先报名并填写性别");
  admit(activity, kMale, kUser);
  EXPECT_EQ(refusal([&] { h.validate(kType, params(activity)); }),
            Refusal(300, "您已入场CP活动「周末CP活动」,不能重复支付"));
}

TEST_F(AdmitHandlerTest, ValidateRefusesWhatCannotBePaidNow) {
  const auto full = addActivity("5", 1, false, "满员");
  admit(full, kFemale, 2);
  signup(full, kMale);  // refused: full
  h.setUser(kUser);
  EXPECT_EQ(refusal([&] { h.validate(kType, params(full)); }).second,
            "您尚未报名CP活动「满员」,请先报名并填写性别");

  const auto halves = addActivity("5", 2, true, "男女各一");
  admit(halves, kMale, 2);
  ASSERT_EQ(signup(halves, kFemale, 3).code, 0);
  ASSERT_EQ(signup(halves, kMale, 4).code, 300);  // no place left for men
  h.setUser(3);
  EXPECT_EQ(h.validate(kType, params(halves)), 500);  // a woman's place is left

  const auto offSale = addActivity("5", 10, false, "下架");
  signup(offSale, kMale);
  auto r = admin("PUT", "/activities", "{\"id\":" + std::to_string(offSale) +
                                           R"(,"title":"下架","fee":5,"capacity":10,"dateStart":"2023-12-01 19:00:00",)"
                                           R"("dateEnd":"2023-12-01 22:00:00","onSale":false})");
  ASSERT_EQ(r.code, 0) << r.msg;
  h.setUser(kUser);
  EXPECT_EQ(refusal([&] { h.validate(kType, params(offSale)); }), Refusal(300, "CP活动「下架」已下架"));

  const auto soon = addActivity("5", 10, false, "马上开始", "2023-11-16 19:00:00", "2023-11-16 22:00:00");
  signup(soon, kMale);
  h.clock().advance(kDayMs + 13 * 3600 * 1000);  // 2023-11-16 19:13:20: started
  EXPECT_EQ(refusal([&] { h.validate(kType, params(soon)); }), Refusal(300, "CP活动「马上开始」已开始,报名已截止"));
  h.clock().advance(3 * 3600 * 1000);  // 22:13:20: ended
  EXPECT_EQ(refusal([&] { h.validate(kType, params(soon)); }), Refusal(300, "CP活动「马上开始」已结束"));
  EXPECT_TRUE(h.ledger(kUser).entries.empty());
}

TEST_F(AdmitHandlerTest, ExecuteAdmitsOnceAndDebitsTheFee) {
  const auto activity = addActivity("52.50", 10);
  signup(activity, kFemale);
  h.ledger().balance_ = 10000;
  const auto run = h.newPayment();
  const auto r = h.execute(kType, params(activity), run);
  ASSERT_EQ(r.status, Status::Done) << r.reason;
  EXPECT_EQ(r.result->getValue<std::int64_t>("signupId"), 1);
  EXPECT_DOUBLE_EQ(r.result->getValue<double>("amount"), 52.5);
  EXPECT_EQ(h.ledger().balance_, 4750);
  ASSERT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(h.ledger().entries[0].amount, -5250);
  EXPECT_EQ(h.ledger().entries[0].reason, "CP活动入场");
  EXPECT_EQ(h.ledger().entries[0].reference, "cpmatch:" + run.key);
  EXPECT_EQ(activities(), std::vector<std::string>{"1/周末CP活动/5250/10/0/0/1/0"});
  EXPECT_EQ(signups(), std::vector<std::string>{"1/1/1/2/ADMITTED/5250//0"});

  // The same step again (a retried worker) answers Done and changes nothing.
  const auto again = h.execute(kType, params(activity), run);
  EXPECT_EQ(again.status, Status::Done);
  EXPECT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(activities(), std::vector<std::string>{"1/周末CP活动/5250/10/0/0/1/0"});
  // Another step for the same sign-up fails: admitted already.
  const auto other = h.execute(kType, params(activity));
  EXPECT_EQ(other.status, Status::Fail);
  EXPECT_EQ(other.reason, "您已入场CP活动「周末CP活动」,不能重复支付");
  EXPECT_EQ(h.ledger().entries.size(), 1u);
}

TEST_F(AdmitHandlerTest, TheLastPlaceGoesToOnePayerTheOtherStepFailsAndKeepsItsMoney) {
  const auto activity = addActivity("10", 1);
  signup(activity, kMale, 2);
  signup(activity, kFemale, 3);
  // Both payments were accepted while the place was free.
  h.setUser(2);
  EXPECT_EQ(h.validate(kType, params(activity)), 1000);
  h.setUser(3);
  EXPECT_EQ(h.validate(kType, params(activity)), 1000);
  ASSERT_EQ(pay(activity, 2).status, Status::Done);
  const auto late = pay(activity, 3, 1000);
  EXPECT_EQ(late.status, Status::Fail);
  EXPECT_EQ(late.reason, "CP活动「周末CP活动」名额已满");
  EXPECT_EQ(h.ledger(3).balance_, 1000);
  EXPECT_TRUE(h.ledger(3).entries.empty());
  EXPECT_EQ(activities(), std::vector<std::string>{"1/周末CP活动/1000/1/0/1/0/0"});
  EXPECT_EQ(signups(), (std::vector<std::string>{"1/1/2/1/ADMITTED/1000//0", "1/1/3/2/PENDING/0//0"}));
}

TEST_F(AdmitHandlerTest, PerGenderTheLastPlaceOfOneGenderLeavesTheOthersOpen) {
  const auto activity = addActivity("10", 2, true);
  signup(activity, kMale, 2);
  signup(activity, kMale, 4);
  signup(activity, kFemale, 3);
  ASSERT_EQ(pay(activity, 2).status, Status::Done);
  const auto late = pay(activity, 4, 1000);
  EXPECT_EQ(late.status, Status::Fail);
  EXPECT_EQ(late.reason, "CP活动「周末CP活动」男生名额已满");
  EXPECT_TRUE(h.ledger(4).entries.empty());
  ASSERT_EQ(pay(activity, 3).status, Status::Done);
  EXPECT_EQ(activities(), std::vector<std::string>{"1/周末CP活动/1000/2/1/1/1/0"});
}

TEST_F(AdmitHandlerTest, ExecuteFailsWhenTheActivityStartedMeanwhileOrTheWalletIsShort) {
  const auto activity = addActivity("10", 5, false, "周末CP活动", "2023-11-16 19:00:00", "2023-11-16 22:00:00");
  signup(activity, kMale);
  const auto poor = pay(activity, kUser, 999);
  EXPECT_EQ(poor.status, Status::Fail);
  EXPECT_EQ(poor.reason, "余额不足,参加CP活动「周末CP活动」需要 10.00 元");
  EXPECT_EQ(h.ledger().balance_, 999);
  h.clock().advance(2 * kDayMs);
  const auto late = pay(activity);
  EXPECT_EQ(late.status, Status::Fail);
  EXPECT_EQ(late.reason, "CP活动「周末CP活动」已结束");
  EXPECT_TRUE(h.ledger().entries.empty());
  EXPECT_EQ(activities(), std::vector<std::string>{"1/周末CP活动/1000/5/0/0/0/0"});
  EXPECT_EQ(signups(), std::vector<std::string>{"1/1/1/1/PENDING/0//0"});
}

}  // namespace
}  // namespace paynext::plugins::cpmatch::test
