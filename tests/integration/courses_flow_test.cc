// The courses module end to end: an admin publishes a course, a user makes a
// purchase record through /courses/buy and pays it with WeChat through the
// gateway simulator as nextAction type 15, and is enrolled: the course shows
// in /courses/my/courses and the seat is taken. A refused payment stores
// nothing, and the last seat goes to exactly one of two racing payments.
#include <chrono>

#include <gtest/gtest.h>

#include "paynext/sdk/china_time.h"

#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

class CoursesFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.createFactory("f1", {"courses"});
    token_ = env_.userToken("f1", "13800000000");
  }

  // Publishes a course, by default far in the future; its id.
  std::string addCourse(const std::string& title, const std::string& price, int seats,
                        const std::string& dateStart = "2099-01-01 09:00:00",
                        const std::string& dateEnd = "2099-01-31") {
    auto r = env_.admin("POST", "/factories/f1/modules/courses/courses",
                        R"({"title":")" + title + R"(","price":")" + price + R"(","seats":)" + std::to_string(seats) +
                            R"(,"dateStart":")" + dateStart + R"(","dateEnd":")" + dateEnd + R"("})");
    EXPECT_EQ(201, r.status) << r.body;
    return std::to_string(r.json()->getValue<std::int64_t>("id"));
  }

  Poco::JSON::Object::Ptr call(const std::string& path, std::map<std::string, std::string> fields,
                               const std::string& token = "") {
    fields["token"] = token.empty() ? token_ : token;
    return env_.call("f1", path, fields);
  }
  Poco::JSON::Object::Ptr ok(const Poco::JSON::Object::Ptr& r) {
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    return r->getObject("data");
  }
  // The caller's purchase record of the course; its id.
  std::string buy(const std::string& courseId, const std::string& token = "") {
    return std::to_string(ok(call("/courses/buy", {{"courseId", courseId}}, token))->getValue<std::int64_t>("id"));
  }
  // Opens a WeChat payment carrying the chain; its out trade id.
  std::string pay(const std::string& money, const std::string& purchaseId, const std::string& token = "") {
    auto r = call("/pay/wx/wxapp", {{"money", money}, {"nextAction", "{type:15, id:" + purchaseId + "}"}}, token);
    return ok(r)->getValue<std::string>("outTradeId");
  }

  double balance(const std::string& token = "") {
    return ok(call("/user/amount", {}, token))->getValue<double>("balance");
  }

  void moveClock(std::int64_t offsetMs) {
    auto r = env_.admin("PUT", "/testing/clock", R"({"offsetMs":)" + std::to_string(offsetMs) + "}");
    ASSERT_EQ(200, r.status) << r.body;
  }

  // Two workers, so racing steps run at once; a clock the test can move.
  PaynextEnv env_{EnvOptions{
      {"courses"}, {{"worker.threads", "2"}, {"worker.pollIntervalMs", "100"}, {"testing.clockControl", "true"}}}};
  DbProbe db_{env_.storage()};
  std::string token_;
};

TEST_F(CoursesFlowTest, PaysWithWeChatAndIsEnrolled) {
  const auto course = addCourse("摄影入门", "99.90", 20);
  auto listed = env_.call("f1", "/courses/list", {});  // public: no token
  ASSERT_EQ(0, listed->getValue<int>("code")) << listed->getValue<std::string>("msg");
  EXPECT_EQ(20, listed->getArray("data")->getObject(0)->getValue<int>("seatsLeft"));
  EXPECT_EQ(700, call("/courses/my/courses", {})->getValue<int>("code"));

  const auto purchase = buy(course);
  const auto out = pay("99.90", purchase);
  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return db_.steps(out) == "DONE"; })) << env_.log();

  auto mine = call("/courses/my/courses", {});
  ASSERT_EQ(0, mine->getValue<int>("code")) << mine->getValue<std::string>("msg");
  ASSERT_EQ(1u, mine->getArray("data")->size());
  auto enrolled = mine->getArray("data")->getObject(0);
  EXPECT_EQ("摄影入门", enrolled->getValue<std::string>("title"));
  EXPECT_EQ(purchase, std::to_string(enrolled->getValue<std::int64_t>("purchaseId")));
  auto purchases = call("/courses/my/purchases", {})->getArray("data");
  ASSERT_EQ(1u, purchases->size());
  EXPECT_EQ("PAID", purchases->getObject(0)->getValue<std::string>("status"));
  EXPECT_DOUBLE_EQ(0, balance());  // the step debited what the notification credited
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM ledger_entries WHERE reason = '购买课程' AND amount = -9990"));

  auto admin = env_.admin("GET", "/factories/f1/modules/courses/courses?id=" + course);
  ASSERT_EQ(200, admin.status) << admin.body;
  EXPECT_EQ(1, admin.json()->getValue<int>("seatsTaken"));
  auto students = env_.admin("GET", "/factories/f1/modules/courses/students?courseId=" + course);
  ASSERT_EQ(200, students.status) << students.body;
  EXPECT_NE(std::string::npos, students.body.find("\"purchaseId\":" + purchase)) << students.body;
  EXPECT_NE(std::string::npos, students.body.find("\"mobile\":\"138****0000\"")) << students.body;

  // Enrolled: buying it again is refused.
  auto again = call("/courses/buy", {{"courseId", course}});
  EXPECT_EQ(300, again->getValue<int>("code"));
  EXPECT_EQ("您已报名课程「摄影入门」,不能重复购买", again->getValue<std::string>("msg"));
}

TEST_F(CoursesFlowTest, ARefusedPaymentStoresNothing) {
  addCourse("占位课", "1", 5);
  const auto course = addCourse("书法", "5", 5);  // course 2
  const auto purchase = buy(course);                // purchase 1
  const std::vector<std::tuple<std::string, std::string, int, std::string>> cases = {
      {"5", "{type:15, id:" + course + "}", 300, "参数 id 应为购买课程的记录 id(由 /courses/buy 返回),不是课程的 id"},
      {"5", "{type:15}", 300, "缺少参数 id"},
      {"5", "{type:15, id:'x1'}", 300, "参数 id 格式错误,应为整数"},
      {"5", "{type:15, id:99}", 700, "课程购买记录 99 不存在"},
  };
  for (const auto& [money, nextAction, code, msg] : cases) {
    auto r = call("/pay/wx/wxapp", {{"money", money}, {"nextAction", nextAction}});
    EXPECT_EQ(code, r->getValue<int>("code")) << nextAction;
    EXPECT_EQ("nextAction 第 1 步:" + msg, r->getValue<std::string>("msg")) << nextAction;
  }
  // The amount is the course's price: 4.99 and an empty wallet cannot cover 5.
  auto shortPay = call("/pay/wx/wxapp", {{"money", "4.99"}, {"nextAction", "{type:15, id:" + purchase + "}"}});
  EXPECT_NE(0, shortPay->getValue<int>("code"));
  // A cancelled record cannot be paid.
  ok(call("/courses/purchase/cancel", {{"id", purchase}}));
  auto cancelled = call("/pay/wx/wxapp", {{"money", "5"}, {"nextAction", "{type:15, id:" + purchase + "}"}});
  EXPECT_EQ("nextAction 第 1 步:课程购买记录 " + purchase + " 已取消", cancelled->getValue<std::string>("msg"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM payments"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM chain_steps"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM courses_purchases WHERE status = 'PAID'"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM courses_courses WHERE seats_taken > 0"));
}

TEST_F(CoursesFlowTest, TwoPaymentsRaceForTheLastSeat) {
  const auto course = addCourse("最后一席", "3", 1);
  const auto other = env_.userToken("f1", "13900000000");
  // Both records are made and both payments accepted while the seat is free.
  const auto first = pay("3", buy(course));
  const auto second = pay("3", buy(course, other), other);
  env_.simPayAtOnce({first, second});
  ASSERT_TRUE(eventually([&] { return db_.settled(first) && db_.settled(second); })) << env_.log();
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'DONE'"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'FAILED'"));
  EXPECT_EQ("课程「最后一席」名额已满", db_.text("SELECT last_error FROM chain_steps WHERE status = 'FAILED'"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM courses_purchases WHERE status = 'PAID'"));
  EXPECT_EQ(1, db_.count("SELECT seats_taken FROM courses_courses"));
  // The loser's money stays in its wallet; the winner's paid the seat.
  const bool firstWon = db_.steps(first) == "DONE";
  EXPECT_DOUBLE_EQ(firstWon ? 0 : 3, balance());
  EXPECT_DOUBLE_EQ(firstWon ? 3 : 0, balance(other));
  EXPECT_EQ(1u, call("/courses/my/courses", {}, firstWon ? token_ : other)->getArray("data")->size());
  EXPECT_EQ(700, call("/courses/my/courses", {}, firstWon ? other : token_)->getValue<int>("code"));
  // Full now: a third user's purchase is refused when it is made.
  auto third = call("/courses/buy", {{"courseId", course}}, env_.userToken("f1", "13700000000"));
  EXPECT_EQ("课程「最后一席」名额已满", third->getValue<std::string>("msg"));
}

TEST_F(CoursesFlowTest, ACourseThatStartsBeforeThePaymentArrivesFailsTheStep) {
  const std::int64_t minute = 60 * 1000;
  const std::int64_t now =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  const auto course =
      addCourse("今晚开课", "2", 10, sdk::formatChinaTime(now + 10 * minute), sdk::formatChinaTime(now + 120 * minute));
  const auto purchase = buy(course);
  const auto out = pay("2", purchase);
  // Past the start, well before the payment would expire unpaid (payments.expiryMs, 2 hours).
  moveClock(20 * minute);
  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return db_.settled(out); })) << env_.log();
  EXPECT_EQ("FAILED", db_.steps(out));
  EXPECT_EQ("课程「今晚开课」已开课,不能再购买", db_.text("SELECT last_error FROM chain_steps WHERE status = 'FAILED'"));
  EXPECT_DOUBLE_EQ(2, balance());  // the money stays in the wallet
  EXPECT_EQ(0, db_.count("SELECT seats_taken FROM courses_courses"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM courses_purchases WHERE status = 'UNPAID'"));
}

}  // namespace
}  // namespace paynext::testing
