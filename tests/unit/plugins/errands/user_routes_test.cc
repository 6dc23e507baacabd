#include "plugins/errands/user_routes.h"

#include "errands_test_support.h"

namespace paynext::plugins::errands::test {
namespace {

class ErrandsUserRoutesTest : public ErrandsTest {
 protected:
  void SetUp() override {
    h.users().add(2, "跑腿A");
    h.users().add(3, "跑腿B");
  }
};

TEST_F(ErrandsUserRoutesTest, CreatePostsAnUnpaidTask) {
  const auto r = user("POST", "/errands/task/create",
                      R"({"from":"东门","to":"3号楼","what":"取快递","fee":12.5,"deadline":")" + deadlineIn(kHour) +
                          "\"}");
  ASSERT_EQ(r.code, 0) << r.msg;
  const auto task = object(r);
  EXPECT_EQ(task->getValue<Poco::Int64>("id"), 1);
  EXPECT_EQ(task->getValue<Poco::Int64>("posterId"), 1);
  EXPECT_EQ(task->getValue<std::string>("from"), "东门");
  EXPECT_EQ(task->getValue<std::string>("to"), "3号楼");
  EXPECT_EQ(task->getValue<std::string>("what"), "取快递");
  EXPECT_DOUBLE_EQ(task->getValue<double>("fee"), 12.5);
  EXPECT_EQ(task->getValue<std::string>("deadline"), deadlineIn(kHour));
  EXPECT_EQ(task->getValue<Poco::Int64>("deadlineAt"), h.clock().now + kHour);
  EXPECT_EQ(task->getValue<std::string>("status"), "UNPAID");
  EXPECT_EQ(task->getValue<std::string>("statusText"), "待支付");
  EXPECT_EQ(task->getValue<Poco::Int64>("createdAt"), h.clock().now);
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/0/UNPAID/1250//0/0"});
}

TEST_F(ErrandsUserRoutesTest, CreateRefusesBadFieldsNamingThemAndStoresNothing) {
  const std::string later = deadlineIn(kHour);
  const auto refused = [&](const std::string& params) {
    const auto r = user("POST", "/errands/task/create", params);
    return Refusal(r.code, r.msg);
  };
  EXPECT_EQ(refused(R"({"to":"B","what":"W","fee":"5","deadline":")" + later + "\"}"), Refusal(300, "缺少参数 from"));
  EXPECT_EQ(refused(R"({"from":"A","what":"W","fee":"5","deadline":")" + later + "\"}"), Refusal(300, "缺少参数 to"));
  EXPECT_EQ(refused(R"({"from":"A","to":"B","fee":"5","deadline":")" + later + "\"}"), Refusal(300, "缺少参数 what"));
  EXPECT_EQ(refused(R"({"from":"A","to":"B","what":"W","deadline":")" + later + "\"}"), Refusal(300, "缺少参数 fee"));
  EXPECT_EQ(refused(R"({"from":"A","to":"B","what":"W","fee":"5"})"), Refusal(300, "缺少参数 deadline"));
  EXPECT_EQ(refused(R"({"from":")" + std::string(256, 'a') + R"(","to":"B","what":"W","fee":"5","deadline":")" +
                    later + "\"}"),
            Refusal(300, "参数 from 不能超过 255 字节"));
  EXPECT_EQ(refused(taskParams("0.99", later)), Refusal(300, "参数 fee 不能低于最低跑腿费 1.00 元"));
  EXPECT_EQ(refused(taskParams("1.001", later)), Refusal(300, "参数 fee 格式错误,应为不超过两位小数的非负金额"));
  EXPECT_EQ(refused(taskParams("100000.01", later)), Refusal(300, "参数 fee 不能超过 100000.00 元"));
  EXPECT_EQ(refused(taskParams("5", "明天")), Refusal(300, "参数 deadline 格式错误,应为yyyy-MM-dd HH:mm:ss 格式的时间"));
  EXPECT_EQ(refused(taskParams("5", deadlineIn(0))), Refusal(300, "参数 deadline 须晚于当前时间"));
  EXPECT_EQ(refused(taskParams("5", deadlineIn(31 * 24 * kHour))), Refusal(300, "参数 deadline 不能晚于 30 天后"));
  EXPECT_TRUE(rows().empty());
}

TEST_F(ErrandsUserRoutesTest, CreateFollowsTheMinimumAdminsSet) {
  setSettings(R"({"minFee":"20"})");
  const auto r = user("POST", "/errands/task/create", taskParams("19.99", deadlineIn(kHour)));
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "参数 fee 不能低于最低跑腿费 20.00 元"));
  EXPECT_EQ(post("20"), 1);
}

TEST_F(ErrandsUserRoutesTest, OthersListPublishedTasksOnly) {
  post("5");  // unpaid: not listed
  const auto open = published("8");
  EXPECT_EQ(user("*", "/errands/tasks", "{}").code, 700);  // the poster's own are not offered to them
  h.setUser(2);
  const auto r = user("*", "/errands/tasks", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<Poco::Int64>("id"), open);
  EXPECT_EQ(user("*", "/errands/tasks", R"({"page":2,"pageSize":1})").code, 700);
  EXPECT_EQ(user("*", "/errands/tasks", R"({"pageSize":101})").msg, "参数 pageSize 格式错误,应为1 到 100 之间的整数");
  // Past its deadline it is no longer offered.
  h.clock().advance(2 * kHour);
  EXPECT_EQ(user("*", "/errands/tasks", "{}").code, 700);
}

TEST_F(ErrandsUserRoutesTest, TakeDeliverConfirmPaysTheRunnerTheFeeLessCommission) {
  setSettings(R"({"commissionPercent":15})");
  const auto id = published("9.99");
  h.ledger(2).balance_ = 0;
  const auto taken = as(2, "/errands/take", id);
  ASSERT_EQ(taken.code, 0) << taken.msg;
  EXPECT_EQ(object(taken)->getValue<std::string>("status"), "TAKEN");
  EXPECT_EQ(object(taken)->getValue<Poco::Int64>("runnerId"), 2);
  const auto delivered = as(2, "/errands/deliver", id);
  ASSERT_EQ(delivered.code, 0) << delivered.msg;
  EXPECT_EQ(object(delivered)->getValue<std::string>("status"), "DELIVERED");
  const auto confirmed = as(1, "/errands/confirm", id);
  ASSERT_EQ(confirmed.code, 0) << confirmed.msg;
  // 15% of 999 fen is 149.85: the platform keeps 149, the runner 850.
  EXPECT_EQ(object(confirmed)->getValue<std::string>("status"), "COMPLETED");
  EXPECT_DOUBLE_EQ(object(confirmed)->getValue<double>("payout"), 8.5);
  EXPECT_EQ(h.ledger(2).balance_, 850);
  ASSERT_EQ(h.ledger(2).entries.size(), 1u);
  EXPECT_EQ(h.ledger(2).entries[0].reason, "跑腿任务收入");
  EXPECT_EQ(h.ledger(2).entries[0].reference, "errands:payout:1");
  EXPECT_TRUE(h.ledger(1).entries.empty());
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/2/COMPLETED/999/errands:PNSTEP1-0/149/850"});
  // Confirming again pays nothing more.
  const auto again = as(1, "/errands/confirm", id);
  EXPECT_EQ(Refusal(again.code, again.msg), Refusal(300, "跑腿任务 1 当前为「已完成」,不能确认送达"));
  EXPECT_EQ(h.ledger(2).balance_, 850);
}

TEST_F(ErrandsUserRoutesTest, TakeRefusesTheOwnTaskATakenOneAndAPastDeadline) {
  const auto unpaid = post();
  const auto id = published();
  auto r = as(1, "/errands/take", id);
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "不能接自己发布的跑腿任务"));
  r = as(2, "/errands/take", unpaid);
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "跑腿任务 1 不存在"));  // unpaid tasks are not shown to others
  r = as(2, "/errands/take", 99);
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "跑腿任务 99 不存在"));
  ASSERT_EQ(as(2, "/errands/take", id).code, 0);
  // One runner per task: the second taker is refused and nothing changes.
  r = as(3, "/errands/take", id);
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "跑腿任务 2 当前为「已接单」,不能接单"));
  r = as(2, "/errands/take", id);
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "跑腿任务 2 当前为「已接单」,不能接单"));
  EXPECT_EQ(rows()[1], "1/1/2/TAKEN/1000/errands:PNSTEP1-0/0/0");
  const auto late = published();
  h.clock().advance(2 * kHour);
  r = as(2, "/errands/take", late);
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "跑腿任务 3 已过接单截止时间"));
  EXPECT_EQ(rows()[2], "1/1/0/PUBLISHED/1000/errands:PNSTEP2-0/0/0");
}

TEST_F(ErrandsUserRoutesTest, OnlyTheRunnerDeliversAndOnlyThePosterConfirms) {
  const auto id = published();
  auto r = as(2, "/errands/deliver", id);
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "只有接单人才能标记送达"));
  ASSERT_EQ(as(2, "/errands/take", id).code, 0);
  r = as(1, "/errands/confirm", id);
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "跑腿任务 1 当前为「已接单」,不能确认送达"));
  r = as(1, "/errands/deliver", id);
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "只有接单人才能标记送达"));
  ASSERT_EQ(as(2, "/errands/deliver", id).code, 0);
  r = as(2, "/errands/deliver", id);
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "跑腿任务 1 当前为「已送达」,不能标记送达"));
  r = as(2, "/errands/confirm", id);
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "只有发布人才能确认送达"));
  r = as(3, "/errands/confirm", id);
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "跑腿任务 1 不存在"));
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/2/DELIVERED/1000/errands:PNSTEP1-0/0/0"});
  EXPECT_TRUE(h.ledger(2).entries.empty());
}

TEST_F(ErrandsUserRoutesTest, PostersAndRunnersListTheirOwnTasks) {
  const auto a = published("5");
  const auto b = post("6");
  ASSERT_EQ(as(2, "/errands/take", a).code, 0);
  auto r = user("*", "/errands/my", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 2u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<Poco::Int64>("id"), b);
  r = user("*", "/errands/my", R"({"status":"TAKEN"})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(user("*", "/errands/my", R"({"status":"X"})").msg,
            "参数 status 格式错误,应为UNPAID、PUBLISHED、TAKEN、DELIVERED、COMPLETED、EXPIRED 或 CANCELLED");
  EXPECT_EQ(user("*", "/errands/runs", "{}").code, 700);
  h.setUser(2);
  r = user("*", "/errands/runs", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<Poco::Int64>("id"), a);
  EXPECT_EQ(user("*", "/errands/my", "{}").code, 700);
  // The runner reads the task; a third user does not, nor anyone of another factory.
  EXPECT_EQ(user("*", "/errands/task", "{\"taskId\":" + std::to_string(a) + "}").code, 0);
  h.setUser(3);
  EXPECT_EQ(user("*", "/errands/task", "{\"taskId\":" + std::to_string(a) + "}").msg, "跑腿任务 1 不存在");
  h.setUser(1);
  h.setFactory(2);
  EXPECT_EQ(user("*", "/errands/task", "{\"taskId\":" + std::to_string(a) + "}").code, 700);
  EXPECT_EQ(user("*", "/errands/my", "{}").code, 700);
}

TEST_F(ErrandsUserRoutesTest, RoutesNeedALogin) {
  h.setUser(0);
  EXPECT_EQ(user("POST", "/errands/task/create", taskParams("5", deadlineIn(kHour))).code, 2000);
  EXPECT_EQ(user("*", "/errands/tasks", "{}").code, 2000);
  EXPECT_TRUE(rows().empty());
}

}  // namespace
}  // namespace paynext::plugins::errands::test
