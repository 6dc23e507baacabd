// One payment, one chain of two of the content and place types (issue 10):
// an enrollment fee (type 3) then a course (type 15), paid with WeChat. Both
// records are paid by their steps; when the second cannot be (the course
// filled up meanwhile), the first stays paid and the second's money stays in
// the wallet.
#include <gtest/gtest.h>

#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

class ContentChainTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.createFactory("f1", {"enroll", "courses"});
    token_ = env_.userToken("f1", "13800000000");
    auto r = env_.admin("POST", "/factories/f1/modules/enroll/projects",
                        R"({"title":"夏令营","fee":"12.50","capacity":5,"deadline":"2099-12-31","fields":[]})");
    EXPECT_EQ(201, r.status) << r.body;
    project_ = std::to_string(r.json()->getValue<std::int64_t>("id"));
    r = env_.admin("POST", "/factories/f1/modules/courses/courses",
                   R"({"title":"摄影入门","price":"30","seats":1,"dateStart":"2099-01-01 09:00:00","dateEnd":"2099-01-31"})");
    EXPECT_EQ(201, r.status) << r.body;
    course_ = std::to_string(r.json()->getValue<std::int64_t>("id"));
  }
  std::string id(const std::string& token, const std::string& path, const std::map<std::string, std::string>& f) {
    auto fields = f;
    fields["token"] = token;
    auto r = env_.call("f1", path, fields);
    EXPECT_EQ(0, r->getValue<int>("code")) << path << ": " << r->getValue<std::string>("msg");
    return std::to_string(r->getObject("data")->getValue<std::int64_t>("id"));
  }
  // Applies and buys as the user, pays both in one chain; the out trade id once settled.
  std::string applyBuyAndPay(const std::string& token) {
    const auto application = id(token, "/enroll/apply", {{"projectId", project_}, {"answers", "{}"}});
    const auto purchase = id(token, "/courses/buy", {{"courseId", course_}});
    auto r = env_.call("f1", "/pay/wx/wxapp",
                       {{"token", token},
                        {"money", "42.50"},
                        {"nextAction", "{type:3, id:" + application + ", nextAction:{type:15, id:" + purchase + "}}"}});
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    const auto out = r->getObject("data")->getValue<std::string>("outTradeId");
    env_.simPay(out);
    EXPECT_TRUE(eventually([&] { return db_.settled(out); }));
    return out;
  }
  double balance(const std::string& token) {
    return env_.call("f1", "/user/amount", {{"token", token}})->getObject("data")->getValue<double>("balance");
  }
  std::string firstStatus(const std::string& token, const std::string& path) {
    auto r = env_.call("f1", path, {{"token", token}});
    return r->getValue<int>("code") == 0 ? r->getArray("data")->getObject(0)->getValue<std::string>("status") : "";
  }

  PaynextEnv env_{EnvOptions{{"enroll", "courses"}}};
  DbProbe db_{env_.storage()};
  std::string token_, project_, course_;
};

TEST_F(ContentChainTest, OnePaymentPaysTheApplicationThenTheCourse) {
  const auto out = applyBuyAndPay(token_);
  EXPECT_EQ("DONE,DONE", db_.steps(out));
  EXPECT_EQ("PAID", firstStatus(token_, "/enroll/my"));
  EXPECT_EQ("PAID", firstStatus(token_, "/courses/my/purchases"));
  EXPECT_DOUBLE_EQ(0.0, balance(token_));
}

TEST_F(ContentChainTest, ACourseFullMeanwhileFailsTheSecondStepAndKeepsItsMoney) {
  // Another user takes the course's only seat after both records were made.
  const auto other = env_.userToken("f1", "13900000000");
  const auto application = id(token_, "/enroll/apply", {{"projectId", project_}, {"answers", "{}"}});
  const auto purchase = id(token_, "/courses/buy", {{"courseId", course_}});
  auto r = env_.call("f1", "/pay/wx/wxapp",
                     {{"token", token_},
                      {"money", "42.50"},
                      {"nextAction", "{type:3, id:" + application + ", nextAction:{type:15, id:" + purchase + "}}"}});
  ASSERT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
  const auto out = r->getObject("data")->getValue<std::string>("outTradeId");
  applyBuyAndPay(other);

  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return db_.settled(out); }));
  EXPECT_EQ("DONE,FAILED", db_.steps(out));
  EXPECT_EQ("课程「摄影入门」名额已满",
            db_.text("SELECT s.last_error FROM chain_steps s JOIN payments p ON p.id = s.payment_id WHERE p.out_trade_id = '" +
                     out + "' AND s.seq = 1"));
  EXPECT_EQ("PAID", firstStatus(token_, "/enroll/my"));
  EXPECT_EQ("UNPAID", firstStatus(token_, "/courses/my/purchases"));
  EXPECT_DOUBLE_EQ(30.0, balance(token_));
}

}  // namespace
}  // namespace paynext::testing
