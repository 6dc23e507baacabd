// The enroll module end to end: an admin publishes a project, a user applies
// through the module's route, pays the application with WeChat (nextAction
// type 3) and sees it paid through the module's route; the last seat goes to
// exactly one of two racing payments.

#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

class EnrollFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.createFactory("f1", {"enroll"});
    project_ = addProject("夏令营", "12.50", 2);
    token_ = env_.userToken("f1", "13800000000");
  }

  std::string addProject(const std::string& title, const std::string& fee, int capacity) {
    auto r = env_.admin("POST", "/factories/f1/modules/enroll/projects",
                        R"({"title":")" + title + R"(","fee":")" + fee + R"(","capacity":)" + std::to_string(capacity) +
                            R"(,"deadline":"2099-12-31","fields":[{"name":"name","label":"姓名","required":true}]})");
    EXPECT_EQ(201, r.status) << r.body;
    return std::to_string(r.json()->getValue<std::int64_t>("id"));
  }

  Poco::JSON::Object::Ptr call(const std::string& path, std::map<std::string, std::string> fields,
                               const std::string& token = "") {
    fields["token"] = token.empty() ? token_ : token;
    return env_.call("f1", path, fields);
  }
  // Applies to a project as the user; the application's id.
  std::string apply(const std::string& project, const std::string& token = "") {
    auto r = call("/enroll/apply", {{"projectId", project}, {"answers", R"({"name":"张三"})"}}, token);
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    return std::to_string(r->getObject("data")->getValue<std::int64_t>("id"));
  }
  // Opens a WeChat payment carrying the step; its out trade id.
  std::string pay(const std::string& money, const std::string& application, const std::string& token = "") {
    auto r = call("/pay/wx/wxapp", {{"money", money}, {"nextAction", "{type:3, id:" + application + "}"}}, token);
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    return r->getObject("data")->getValue<std::string>("outTradeId");
  }
  double balance(const std::string& token = "") {
    return call("/user/amount", {}, token)->getObject("data")->getValue<double>("balance");
  }
  std::string myStatus(const std::string& token = "") {
    auto r = call("/enroll/my", {}, token);
    if (r->getValue<int>("code") != 0) return "";
    return r->getArray("data")->getObject(0)->getValue<std::string>("status");
  }

  PaynextEnv env_{EnvOptions{{"enroll"}, {{"worker.threads", "2"}, {"worker.pollIntervalMs", "100"}}}};
  DbProbe db_{env_.storage()};
  std::string project_, token_;
};

TEST_F(EnrollFlowTest, AppliesPaysWithWeChatAndSeesTheApplicationPaid) {
  const auto application = apply(project_);
  EXPECT_EQ("UNPAID", myStatus());

  const auto out = pay("12.50", application);
  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return myStatus() == "PAID"; })) << env_.log();
  EXPECT_EQ("DONE", db_.steps(out));
  // The step debited exactly what the notification credited, and took a seat.
  EXPECT_DOUBLE_EQ(0, balance());
  auto project = env_.call("f1", "/enroll/project", {{"id", project_}});  // public: no token
  ASSERT_EQ(0, project->getValue<int>("code"));
  EXPECT_EQ(1, project->getObject("data")->getValue<int>("remaining"));
  EXPECT_EQ(1, db_.count("SELECT paid FROM enroll_projects WHERE id = " + project_));

  // Paid once: paying it again and cancelling it are refused.
  auto r = call("/pay/wx/wxapp", {{"money", "12.50"}, {"nextAction", "{type:3, id:" + application + "}"}});
  EXPECT_EQ(300, r->getValue<int>("code"));
  EXPECT_EQ("nextAction 第 1 步:报名记录 " + application + " 已支付,不能重复支付", r->getValue<std::string>("msg"));
  r = call("/enroll/cancel", {{"id", application}});
  EXPECT_EQ("报名记录 " + application + " 已支付,不能取消", r->getValue<std::string>("msg"));

  // Admins list the applicant with the answers.
  auto admin = env_.admin("GET", "/factories/f1/modules/enroll/applications?projectId=" + project_);
  ASSERT_EQ(200, admin.status) << admin.body;
  EXPECT_NE(std::string::npos, admin.body.find("\"status\":\"PAID\"")) << admin.body;
  EXPECT_NE(std::string::npos, admin.body.find("\"name\":\"张三\"")) << admin.body;
}

TEST_F(EnrollFlowTest, ARefusedPaymentStoresNothing) {
  const auto mine = apply(project_);
  const auto other = env_.userToken("f1", "13900000000");
  const auto winter = addProject("冬令营", "1", 5);
  apply(project_, other);
  // Past every project's id, so it reads as nobody's application rather than as a project's id.
  const auto theirs = apply(winter, other);
  ASSERT_EQ("3", theirs);
  auto r = call("/pay/wx/wxapp", {{"money", "12.50"}, {"nextAction", "{type:3}"}});
  EXPECT_EQ(300, r->getValue<int>("code"));
  EXPECT_EQ("nextAction 第 1 步:缺少参数 id", r->getValue<std::string>("msg"));
  r = call("/pay/wx/wxapp", {{"money", "12.50"}, {"nextAction", "{type:3, id:'x'}"}});
  EXPECT_EQ("nextAction 第 1 步:参数 id 格式错误,应为整数", r->getValue<std::string>("msg"));
  // A project's id is not an application's, as the documents warn.
  r = call("/pay/wx/wxapp", {{"money", "1"}, {"nextAction", "{type:3, id:" + winter + "}"}});
  EXPECT_EQ(300, r->getValue<int>("code"));
  EXPECT_EQ("nextAction 第 1 步:参数 id 应为报名记录的 id(由 /enroll/apply 返回),不是报名项目的 id",
            r->getValue<std::string>("msg"));
  r = call("/pay/wx/wxapp", {{"money", "12.50"}, {"nextAction", "{type:3, id:" + theirs + "}"}});
  EXPECT_EQ(700, r->getValue<int>("code"));
  EXPECT_EQ("nextAction 第 1 步:报名记录 " + theirs + " 不存在", r->getValue<std::string>("msg"));
  // The money must cover the project's fee, whatever the client claims.
  r = call("/pay/wx/wxapp", {{"money", "0.01"}, {"nextAction", "{type:3, id:" + mine + "}"}});
  EXPECT_NE(0, r->getValue<int>("code"));
  // A cancelled application cannot be paid.
  ASSERT_EQ(0, call("/enroll/cancel", {{"id", mine}})->getValue<int>("code"));
  r = call("/pay/wx/wxapp", {{"money", "12.50"}, {"nextAction", "{type:3, id:" + mine + "}"}});
  EXPECT_EQ("nextAction 第 1 步:报名记录 " + mine + " 已取消,不能支付", r->getValue<std::string>("msg"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM payments"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM enroll_applications WHERE status = 'PAID'"));
  EXPECT_EQ(0, db_.count("SELECT paid FROM enroll_projects WHERE id = " + project_));
}

// One user applying to one project several times at once keeps one
// application, and every request is answered with it. On PostgreSQL the test
// holds an uncommitted application of that user and project, so every
// request finds none, then waits at its own insert; the holder gives way and
// they all race for the unique key (the losers run again and find the
// winner's). SQLite runs one writer at a time: they queue instead.
TEST_F(EnrollFlowTest, ApplyingSeveralTimesAtOnceKeepsOneApplication) {
  const bool postgresql = env_.storage().rfind("postgresql:", 0) == 0;
  Poco::Data::Session holder = db_.session();
  if (postgresql) {
    holder.begin();
    holder << "INSERT INTO enroll_applications (factory_id, project_id, user_id, answers, status, created_at) "
              "SELECT u.factory_id, " + project_ + ", u.id, '{}', 'UNPAID', 0 FROM users u "
              "WHERE u.mobile = '13800000000'",
        Poco::Data::Keywords::now;
  }
  constexpr int kRequests = 4;
  std::vector<Poco::JSON::Object::Ptr> answers(kRequests);
  std::vector<std::thread> requests;
  for (int i = 0; i < kRequests; ++i) {
    requests.emplace_back([&, i] {
      answers[i] = call("/enroll/apply", {{"projectId", project_}, {"answers", R"({"name":"张三"})"}});
    });
  }
  bool allWaiting = true;
  if (postgresql) {
    allWaiting = eventually([&] {
      return db_.count("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
                       "AND wait_event_type = 'Lock'") == kRequests;
    });
    holder.rollback();
  }
  for (auto& t : requests) t.join();
  ASSERT_TRUE(allWaiting) << env_.log();
  const std::string id = std::to_string(db_.count("SELECT MIN(id) FROM enroll_applications"));
  for (const auto& answer : answers) {
    ASSERT_EQ(0, answer->getValue<int>("code")) << answer->getValue<std::string>("msg");
    EXPECT_EQ(id, std::to_string(answer->getObject("data")->getValue<std::int64_t>("id")));
  }
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM enroll_applications"));
}

TEST_F(EnrollFlowTest, TwoPaymentsRaceForTheLastSeat) {
  const auto last = addProject("最后一席", "1", 1);
  const auto other = env_.userToken("f1", "13900000000");
  const auto first = pay("1", apply(last));
  const auto second = pay("1", apply(last, other), other);
  env_.simPayAtOnce({first, second});
  ASSERT_TRUE(eventually([&] { return db_.settled(first) && db_.settled(second); })) << env_.log();
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'DONE'"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'FAILED'"));
  EXPECT_EQ("报名项目「最后一席」名额已满", db_.text("SELECT last_error FROM chain_steps WHERE status = 'FAILED'"));
  EXPECT_EQ(1, db_.count("SELECT paid FROM enroll_projects WHERE id = " + last));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM enroll_applications WHERE status = 'PAID'"));
  // The loser's money stays in its wallet and its application stays unpaid.
  const bool firstWon = db_.steps(first) == "DONE";
  EXPECT_DOUBLE_EQ(firstWon ? 0 : 1, balance());
  EXPECT_DOUBLE_EQ(firstWon ? 1 : 0, balance(other));
  EXPECT_EQ("PAID", myStatus(firstWon ? token_ : other));
  EXPECT_EQ("UNPAID", myStatus(firstWon ? other : token_));
}

}  // namespace
}  // namespace paynext::testing
