#include "plugins/enroll/user_routes.h"

#include "enroll_test_support.h"

namespace paynext::plugins::enroll::test {
namespace {

using sdk::Audience;

class EnrollUserRoutesTest : public EnrollTest {
 protected:
  sdk::RouteResponse user(const std::string& method, const std::string& path, const std::string& json = "{}") {
    return h.callAs(Audience::User, method, path, json);
  }
  sdk::RouteResponse pub(const std::string& path, const std::string& json = "{}") {
    return h.callAs(Audience::Public, "GET", path, json);
  }
  int applicationCount() {
    using namespace Poco::Data::Keywords;
    int n = 0;
    h.session() << "SELECT COUNT(*) FROM enroll_applications", into(n), now;
    return n;
  }
};

TEST_F(EnrollUserRoutesTest, ProjectsListsEnabledProjectsToAnyone) {
  h.setUser(0);
  EXPECT_EQ(pub("/enroll/projects").code, 700);
  const auto camp = addProject("夏令营", "12.50", 30, kToday);
  addProject("冬令营", "1", 5);
  putProject(2, R"("title":"冬令营","fee":"1","capacity":5,"enabled":false)");
  addProject("研学", "0.01", 1);
  const auto r = pub("/enroll/projects");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 2u);
  const auto first = array(r)->getObject(0);
  EXPECT_EQ(first->getValue<Poco::Int64>("id"), camp);
  EXPECT_EQ(first->getValue<std::string>("title"), "夏令营");
  EXPECT_EQ(first->getValue<double>("fee"), 12.5);
  EXPECT_EQ(first->getValue<int>("capacity"), 30);
  EXPECT_EQ(first->getValue<int>("remaining"), 30);
  EXPECT_EQ(first->getValue<std::string>("deadline"), "2023-11-15 23:59:59");
  EXPECT_EQ(first->getArray("fields")->getObject(0)->getValue<std::string>("label"), "姓名");
  EXPECT_TRUE(first->getArray("fields")->getObject(0)->getValue<bool>("required"));
  EXPECT_EQ(array(r)->getObject(1)->getValue<std::string>("title"), "研学");
  // Paged by page and pageSize.
  const auto second = pub("/enroll/projects", R"({"page":2,"pageSize":"1"})");
  ASSERT_EQ(second.code, 0);
  EXPECT_EQ(array(second)->getObject(0)->getValue<std::string>("title"), "研学");
  EXPECT_EQ(pub("/enroll/projects", R"({"page":3,"pageSize":1})").code, 700);
  EXPECT_EQ(pub("/enroll/projects", R"({"pageSize":101})").msg, "参数 pageSize 格式错误,应为1 到 100 之间的整数");
}

TEST_F(EnrollUserRoutesTest, ProjectShowsOneWithItsForm) {
  const auto camp = addProject("夏令营", "12.50", 30);
  const auto r = pub("/enroll/project", "{\"id\":\"" + std::to_string(camp) + "\"}");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r)->getValue<std::string>("description"), "夏令营 简介");
  EXPECT_EQ(object(r)->getArray("fields")->size(), 2u);
  EXPECT_EQ(pub("/enroll/project", R"({"id":9})").msg, "报名项目 9 不存在");
  EXPECT_EQ(pub("/enroll/project").msg, "缺少参数 id");
  // A stopped project is as good as gone for users.
  putProject(camp, R"("title":"夏令营","fee":"1","capacity":5,"enabled":false)");
  EXPECT_EQ(pub("/enroll/project", R"({"id":1})").code, 700);
}

TEST_F(EnrollUserRoutesTest, ApplyStoresTheAnswersAndAnswersTheApplication) {
  const auto camp = addProject("夏令营", "12.50", 30);
  const auto r = applyFor(camp, R"({"name":"张三","school":"一中"})");
  ASSERT_EQ(r.code, 0) << r.msg;
  const auto a = object(r);
  EXPECT_EQ(a->getValue<Poco::Int64>("id"), 1);
  EXPECT_EQ(a->getValue<Poco::Int64>("projectId"), camp);
  EXPECT_EQ(a->getValue<std::string>("projectTitle"), "夏令营");
  EXPECT_EQ(a->getValue<std::string>("status"), "UNPAID");
  EXPECT_EQ(a->getValue<double>("fee"), 12.5);
  EXPECT_EQ(a->getObject("answers")->getValue<std::string>("school"), "一中");
  EXPECT_EQ(a->getValue<std::string>("createdAt"), "2023-11-15 06:13:20");
  EXPECT_EQ(rows(), std::vector<std::string>{R"(1/1/1/UNPAID/0//{"name":"张三","school":"一中"})"});
}

TEST_F(EnrollUserRoutesTest, ApplyTakesAnswersAsAStringAndNumbersAsText) {
  const auto camp = addProject("夏令营", "1", 30, "", R"([{"name":"age","required":true}])");
  ASSERT_EQ(applyFor(camp, R"("{\"age\":12}")").code, 0);
  EXPECT_EQ(rows(), std::vector<std::string>{R"(1/1/1/UNPAID/0//{"age":"12"})"});
  // A form without fields needs no answers at all.
  const auto open = addProject("开放日", "1", 30, "", "[]");
  ASSERT_EQ(h.callAs(Audience::User, "POST", "/enroll/apply", "{\"projectId\":" + std::to_string(open) + "}").code, 0);
}

TEST_F(EnrollUserRoutesTest, ApplyRefusesAnswersThatDoNotFitTheFormAndStoresNothing) {
  const auto camp = addProject("夏令营", "1", 30);
  EXPECT_EQ(applyFor(camp, R"({"school":"一中"})").msg, "参数 answers 缺少必填项 name(姓名)");
  EXPECT_EQ(applyFor(camp, R"({"name":""})").msg, "参数 answers 缺少必填项 name(姓名)");
  EXPECT_EQ(applyFor(camp, R"({"name":"张三","age":"12"})").msg, "参数 answers 中的 age 不是报名表中的字段");
  EXPECT_EQ(applyFor(camp, R"({"name":["张三"]})").msg, "参数 answers 中 name 的值应为文字或数字");
  EXPECT_EQ(applyFor(camp, R"({"name":true})").msg, "参数 answers 中 name 的值应为文字或数字");
  EXPECT_EQ(applyFor(camp, R"({"name":")" + std::string(1001, 'x') + "\"}").msg,
            "参数 answers 中 name 的值不能超过 1000 字节");
  EXPECT_EQ(applyFor(camp, R"("not json")").msg, R"(参数 answers 格式错误,应为JSON 对象,如 {"姓名":"张三"})");
  EXPECT_EQ(applyFor(camp, R"([1])").msg, R"(参数 answers 格式错误,应为JSON 对象,如 {"姓名":"张三"})");
  const auto missing = h.callAs(Audience::User, "POST", "/enroll/apply", "{\"projectId\":1}");
  EXPECT_EQ(missing.code, 300);
  EXPECT_EQ(missing.msg, "参数 answers 缺少必填项 name(姓名)");
  EXPECT_EQ(h.callAs(Audience::User, "POST", "/enroll/apply", "{}").msg, "缺少参数 projectId");
  EXPECT_EQ(applicationCount(), 0);
}

TEST_F(EnrollUserRoutesTest, ApplyRefusesProjectsThatAreClosedAndStoresNothing) {
  EXPECT_EQ(answer(applyFor(9)), Refusal(700, "报名项目 9 不存在"));
  const auto camp = addProject("夏令营", "1", 1, kToday);
  putProject(camp, R"("title":"夏令营","fee":"1","capacity":1,"enabled":false)");
  EXPECT_EQ(answer(applyFor(camp)), Refusal(700, "报名项目 1 不存在"));
  putProject(camp, R"("title":"夏令营","fee":"1","capacity":1,"deadline":")" + std::string(kToday) + "\"");
  h.clock().advance(kDayMs);
  EXPECT_EQ(answer(applyFor(camp)), Refusal(300, "报名项目「夏令营」已于 2023-11-15 23:59:59 截止报名"));
  EXPECT_EQ(applicationCount(), 0);
  // Full: the only seat was paid by another user.
  putProject(camp, R"("title":"夏令营","fee":"1","capacity":1)");
  h.setUser(2);
  h.ledger().balance_ = 100;
  ASSERT_EQ(h.execute(3, step(apply(camp))).status, Status::Done);
  h.setUser(1);
  EXPECT_EQ(answer(applyFor(camp)), Refusal(300, "报名项目「夏令营」名额已满"));
  EXPECT_EQ(applicationCount(), 1);
}

TEST_F(EnrollUserRoutesTest, ApplyingAgainCorrectsTheUnpaidApplicationAndAPaidOneRefusesAnother) {
  const auto camp = addProject("夏令营", "1", 30);
  const auto a = apply(camp, R"({"name":"张三"})");
  EXPECT_EQ(apply(camp, R"({"name":"张四"})"), a);
  EXPECT_EQ(rows(), std::vector<std::string>{R"(1/1/1/UNPAID/0//{"name":"张四"})"});
  h.ledger().balance_ = 100;
  ASSERT_EQ(h.execute(3, step(a)).status, Status::Done);
  EXPECT_EQ(answer(applyFor(camp)), Refusal(300, "已报名「夏令营」(报名记录 1),不能重复报名"));
  EXPECT_EQ(applicationCount(), 1);
}

TEST_F(EnrollUserRoutesTest, ACancelledApplicationMakesRoomForANewOne) {
  const auto camp = addProject("夏令营", "1", 30);
  const auto a = apply(camp);
  ASSERT_EQ(user("POST", "/enroll/cancel", step(a)).code, 0);
  EXPECT_EQ(apply(camp), 2);
}

TEST_F(EnrollUserRoutesTest, MyListsTheUsersOwnApplicationsNewestFirst) {
  EXPECT_EQ(answer(user("GET", "/enroll/my")), Refusal(700, "暂无数据"));
  const auto camp = addProject("夏令营", "12.50", 30), tour = addProject("研学", "2", 30);
  apply(camp);
  const auto second = apply(tour);
  h.ledger().balance_ = 1000;
  ASSERT_EQ(h.execute(3, step(second)).status, Status::Done);
  h.setUser(2);
  apply(camp);
  h.setUser(1);
  const auto r = user("GET", "/enroll/my");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 2u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::string>("projectTitle"), "研学");
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::string>("status"), "PAID");
  EXPECT_EQ(array(r)->getObject(0)->getValue<double>("fee"), 2);
  EXPECT_EQ(array(r)->getObject(1)->getValue<std::string>("status"), "UNPAID");
  EXPECT_EQ(array(r)->getObject(1)->getValue<double>("fee"), 12.5);
  const auto unpaid = user("GET", "/enroll/my", R"({"status":"UNPAID"})");
  ASSERT_EQ(array(unpaid)->size(), 1u);
  EXPECT_EQ(array(unpaid)->getObject(0)->getValue<Poco::Int64>("projectId"), camp);
  const auto ofTour = user("GET", "/enroll/my", "{\"projectId\":" + std::to_string(tour) + "}");
  ASSERT_EQ(array(ofTour)->size(), 1u);
  const auto paged = user("GET", "/enroll/my", R"({"page":2,"pageSize":1})");
  EXPECT_EQ(array(paged)->getObject(0)->getValue<std::string>("projectTitle"), "夏令营");
  EXPECT_EQ(answer(user("GET", "/enroll/my", R"({"status":"x"})")),
            Refusal(300, "参数 status 格式错误,应为UNPAID、PAID 或 CANCELLED"));
  h.setUser(0);
  EXPECT_EQ(answer(user("GET", "/enroll/my")), Refusal(2000, "请先登录"));
}

TEST_F(EnrollUserRoutesTest, CancelMarksAnUnpaidApplicationCancelled) {
  const auto camp = addProject("夏令营", "1", 30);
  const auto a = apply(camp);
  h.clock().advance(1000);
  const auto r = user("POST", "/enroll/cancel", step(a));
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r)->getValue<std::string>("status"), "CANCELLED");
  EXPECT_EQ(object(r)->getValue<std::string>("cancelledAt"), "2023-11-15 06:13:21");
  EXPECT_EQ(rows(), std::vector<std::string>{R"(1/1/1/CANCELLED/0//{"name":"张三"})"});
}

TEST_F(EnrollUserRoutesTest, CancelRefusesWhatIsNotTheUsersUnpaidApplicationAndChangesNothing) {
  const auto camp = addProject("夏令营", "1", 30);
  const auto paid = apply(camp);
  h.ledger().balance_ = 100;
  ASSERT_EQ(h.execute(3, step(paid)).status, Status::Done);
  EXPECT_EQ(answer(user("POST", "/enroll/cancel", step(paid))), Refusal(300, "报名记录 1 已支付,不能取消"));
  h.setUser(2);
  const auto theirs = apply(camp);
  h.setUser(1);
  EXPECT_EQ(answer(user("POST", "/enroll/cancel", step(theirs))), Refusal(700, "报名记录 2 不存在"));
  h.setUser(2);
  ASSERT_EQ(user("POST", "/enroll/cancel", step(theirs)).code, 0);
  EXPECT_EQ(answer(user("POST", "/enroll/cancel", step(theirs))), Refusal(300, "报名记录 2 已取消"));
  EXPECT_EQ(answer(user("POST", "/enroll/cancel")), Refusal(300, "缺少参数 id"));
  EXPECT_EQ(rows()[0].substr(0, 11), "1/1/1/PAID/");
  EXPECT_EQ(rows()[1].substr(0, 16), "1/1/2/CANCELLED/");
}

}  // namespace
}  // namespace paynext::plugins::enroll::test
