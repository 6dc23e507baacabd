// The errands module end to end: a user posts a task through the module's
// route, pays its fee with WeChat (nextAction type 20) to publish it, another
// user takes and delivers it, and the poster's confirmation pays the runner
// the fee less the commission. Refused payments store nothing; of two
// payments for one task one publishes it and the other fails with its money
// left in the wallet; of two takers exactly one gets the task; a paid task
// nobody takes is refunded at its deadline by the module's job.
#include <atomic>
#include <thread>

#include <Poco/Timestamp.h>
#include <gtest/gtest.h>

#include "paynext/sdk/china_time.h"
#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

class ErrandsFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.createFactory("f1", {"errands"});
    auto r = env_.admin("PUT", "/factories/f1/modules/errands/settings", R"({"commissionPercent":15})");
    ASSERT_EQ(200, r.status) << r.body;
    poster_ = env_.userToken("f1", "13800000000");
    runner_ = env_.userToken("f1", "13900000000");
  }

  Poco::JSON::Object::Ptr call(const std::string& token, const std::string& path,
                               std::map<std::string, std::string> fields = {}) {
    fields["token"] = token;
    return env_.call("f1", path, fields);
  }
  // Posts a task as the poster, to be taken within two hours; its id.
  std::string post(const std::string& fee) {
    const std::int64_t inTwoHours = Poco::Timestamp().epochMicroseconds() / 1000 + 2 * 3600 * 1000;
    auto r = call(poster_, "/errands/task/create",
                  {{"from", "东门快递站"}, {"to", "3号楼201"}, {"what", "取一个快递"}, {"fee", fee},
                   {"deadline", sdk::formatChinaTime(inTwoHours)}});
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    return std::to_string(r->getObject("data")->getValue<std::int64_t>("id"));
  }
  Poco::JSON::Object::Ptr pay(const std::string& money, const std::string& nextAction, const std::string& token) {
    return call(token, "/pay/wx/wxapp", {{"money", money}, {"nextAction", nextAction}});
  }
  // Opens a WeChat payment for the task; its out trade id.
  std::string payTask(const std::string& money, const std::string& task) {
    auto r = pay(money, "{type:20, taskId:" + task + "}", poster_);
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    return r->getObject("data")->getValue<std::string>("outTradeId");
  }
  std::string status(const std::string& token, const std::string& task) {
    auto r = call(token, "/errands/task", {{"taskId", task}});
    return r->getValue<int>("code") == 0 ? r->getObject("data")->getValue<std::string>("status") : "";
  }
  void moveClock(std::int64_t offsetMs) {
    auto r = env_.admin("PUT", "/testing/clock", R"({"offsetMs":)" + std::to_string(offsetMs) + "}");
    ASSERT_EQ(200, r.status) << r.body;
  }
  double balance(const std::string& token) {
    return call(token, "/user/amount")->getObject("data")->getValue<double>("balance");
  }

  // A clock the test can move and jobs looked for every 100 ms, with a login
  // that outlives the hours the clock moves by.
  PaynextEnv env_{EnvOptions{{"errands"},
                             {{"worker.threads", "2"},
                              {"worker.pollIntervalMs", "100"},
                              {"testing.clockControl", "true"},
                              {"jobs.tickMs", "100"},
                              {"identity.tokenTtlSeconds", "31536000"}}}};
  DbProbe db_{env_.storage()};
  std::string poster_, runner_;
};

TEST_F(ErrandsFlowTest, PaysATaskWithWeChatAndTheRunnerIsPaidOnConfirmation) {
  const auto task = post("9.99");
  EXPECT_EQ(700, call(runner_, "/errands/tasks")->getValue<int>("code"));  // unpaid: not offered yet
  env_.simPay(payTask("9.99", task));
  ASSERT_TRUE(eventually([&] { return status(poster_, task) == "PUBLISHED"; })) << env_.log();
  EXPECT_DOUBLE_EQ(0, balance(poster_));

  auto open = call(runner_, "/errands/tasks");
  ASSERT_EQ(0, open->getValue<int>("code")) << open->getValue<std::string>("msg");
  ASSERT_EQ(1u, open->getArray("data")->size());
  EXPECT_DOUBLE_EQ(9.99, open->getArray("data")->getObject(0)->getValue<double>("fee"));
  auto r = call(runner_, "/errands/take", {{"taskId", task}});
  ASSERT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
  r = call(runner_, "/errands/deliver", {{"taskId", task}});
  ASSERT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
  r = call(poster_, "/errands/confirm", {{"taskId", task}});
  ASSERT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
  EXPECT_EQ("COMPLETED", r->getObject("data")->getValue<std::string>("status"));
  // 15% of 9.99 is 1.4985: the platform keeps 1.49, the runner 8.50.
  EXPECT_DOUBLE_EQ(8.5, balance(runner_));
  EXPECT_DOUBLE_EQ(0, balance(poster_));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM errands_tasks WHERE status = 'COMPLETED' AND payout = 850 "
                         "AND commission = 149"));
  auto runs = call(runner_, "/errands/runs");
  ASSERT_EQ(0, runs->getValue<int>("code"));
  EXPECT_EQ(1u, runs->getArray("data")->size());
  auto admin = env_.admin("GET", "/factories/f1/modules/errands/tasks?status=COMPLETED");
  ASSERT_EQ(200, admin.status) << admin.body;
  EXPECT_NE(std::string::npos, admin.body.find("\"status\":\"COMPLETED\"")) << admin.body;
}

TEST_F(ErrandsFlowTest, ARefusedPaymentStoresNothing) {
  const auto task = post("10");
  auto r = pay("10", "{type:20}", poster_);
  EXPECT_EQ(300, r->getValue<int>("code"));
  EXPECT_EQ("nextAction 第 1 步:缺少参数 taskId", r->getValue<std::string>("msg"));
  r = pay("10", "{type:20, taskId:99}", poster_);
  EXPECT_EQ("nextAction 第 1 步:跑腿任务 99 不存在", r->getValue<std::string>("msg"));
  // Another user cannot pay the poster's task.
  r = pay("10", "{type:20, taskId:" + task + "}", runner_);
  EXPECT_EQ("nextAction 第 1 步:跑腿任务 " + task + " 不存在", r->getValue<std::string>("msg"));
  // The amount comes from the task: 0.01 yuan does not pay a 10 yuan fee.
  r = pay("0.01", "{type:20, taskId:" + task + "}", poster_);
  EXPECT_NE(0, r->getValue<int>("code"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM payments"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM errands_tasks WHERE status = 'UNPAID'"));
}

TEST_F(ErrandsFlowTest, TwoPaymentsForOneTaskPublishItOnce) {
  const auto task = post("10");
  const auto first = payTask("10", task);
  const auto second = payTask("10", task);
  env_.simPayAtOnce({first, second});
  ASSERT_TRUE(eventually([&] { return db_.settled(first) && db_.settled(second); })) << env_.log();
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'DONE'"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'FAILED'"));
  EXPECT_EQ("跑腿任务 " + task + " 已支付,不能重复支付",
            db_.text("SELECT last_error FROM chain_steps WHERE status = 'FAILED'"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM errands_tasks WHERE status = 'PUBLISHED'"));
  // The losing payment's 10 yuan stays in the poster's wallet.
  EXPECT_DOUBLE_EQ(10, balance(poster_));
}

TEST_F(ErrandsFlowTest, TwoTakersRaceAndExactlyOneGetsTheTask) {
  const auto task = post("5");
  env_.simPay(payTask("5", task));
  ASSERT_TRUE(eventually([&] { return status(poster_, task) == "PUBLISHED"; })) << env_.log();
  const auto third = env_.userToken("f1", "13700000000");
  std::atomic<int> won{0};
  auto take = [&](const std::string& token) {
    if (call(token, "/errands/take", {{"taskId", task}})->getValue<int>("code") == 0) ++won;
  };
  std::thread a([&] { take(runner_); });
  std::thread b([&] { take(third); });
  a.join();
  b.join();
  EXPECT_EQ(1, won.load());
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM errands_tasks WHERE status = 'TAKEN' AND runner_id > 0"));
}

TEST_F(ErrandsFlowTest, APaidTaskNobodyTakesIsCancelledAtItsDeadlineAndRefunded) {
  const auto task = post("6.50");
  env_.simPay(payTask("6.50", task));
  ASSERT_TRUE(eventually([&] { return status(poster_, task) == "PUBLISHED"; })) << env_.log();
  EXPECT_DOUBLE_EQ(0, balance(poster_));
  // Past the deadline by the server's clock: the expire job cancels it and refunds the fee, once.
  moveClock(3 * 3600 * 1000);
  ASSERT_TRUE(eventually([&] { return status(poster_, task) == "CANCELLED"; })) << env_.log();
  EXPECT_DOUBLE_EQ(6.5, balance(poster_));
  EXPECT_EQ(700, call(runner_, "/errands/tasks")->getValue<int>("code"));
  auto r = pay("6.50", "{type:20, taskId:" + task + "}", poster_);
  EXPECT_EQ("nextAction 第 1 步:跑腿任务 " + task + " 已取消,不能支付", r->getValue<std::string>("msg"));
}

}  // namespace
}  // namespace paynext::testing
