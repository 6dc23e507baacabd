#include "plugins/knowledge/knowledge_pay_handler.h"

#include "knowledge_test_support.h"

namespace paynext::plugins::knowledge::test {
namespace {

using Status = sdk::StepResult::Status;

class KnowledgePayHandlerTest : public KnowledgeTest {};

TEST_F(KnowledgePayHandlerTest, ValidateReturnsTheItemsPricesInFen) {
  const auto a = order(addItem("课程A", "12.50")), b = order(addItem("课程B", "0.01"));
  EXPECT_EQ(h.validate(1, "{\"id\":" + std::to_string(a) + "}"), 1250);
  EXPECT_EQ(h.validate(1, "{\"id\":\"" + std::to_string(b) + "\"}"), 1);
  EXPECT_EQ(h.validate(1, "{\"id\":\"" + std::to_string(a) + "," + std::to_string(b) + "\"}"), 1251);
  EXPECT_EQ(rows(), (std::vector<std::string>{"1/1/1/PENDING/0/", "1/1/2/PENDING/0/"}));
}

TEST_F(KnowledgePayHandlerTest, ValidateFollowsThePriceAdminsSet) {
  const auto item = addItem("课程A", "12.50");
  const auto id = order(item);
  setOnSale(item, "课程A", "9.90", true);
  EXPECT_EQ(h.validate(1, "{\"id\":" + std::to_string(id) + "}"), 990);
}

TEST_F(KnowledgePayHandlerTest, ValidateRefusesBadParamsNamingTheField) {
  order(addItem("课程A", "1"));
  EXPECT_EQ(refusal([&] { h.validate(1, "{}"); }), Refusal(300, "缺少参数 id"));
  EXPECT_EQ(refusal([&] { h.validate(1, R"({"id":0})"); }), Refusal(300, "参数 id 格式错误,应为正整数"));
  EXPECT_EQ(refusal([&] { h.validate(1, R"({"id":"abc"})"); }),
            Refusal(300, "参数 id 格式错误,应为以英文逗号分隔的编号"));
  EXPECT_EQ(refusal([&] { h.validate(1, R"({"id":"1,x"})"); }),
            Refusal(300, "参数 id 格式错误,应为以英文逗号分隔的编号"));
  EXPECT_EQ(refusal([&] { h.validate(1, R"({"id":true})"); }), Refusal(300, "参数 id 格式错误,应为整数"));
  EXPECT_EQ(refusal([&] { h.validate(1, R"({"id":"1,1"})"); }), Refusal(300, "参数 id 中订单 1 重复"));
  std::string many;
  for (int i = 1; i <= 51; ++i) many += (i > 1 ? "," : "") + std::to_string(i);
  EXPECT_EQ(refusal([&] { h.validate(1, R"({"id":")" + many + "\"}"); }), Refusal(300, "参数 id 最多包含 50 个订单"));
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/1/PENDING/0/"});
}

TEST_F(KnowledgePayHandlerTest, ValidateRefusesWhatIsNotTheCallersOrNotPayable) {
  const auto mine = order(addItem("课程A", "1"));
  EXPECT_EQ(refusal([&] { h.validate(1, R"({"id":99})"); }), Refusal(700, "知识付费订单 99 不存在"));
  // Another user's purchase is reported as missing.
  h.setUser(2);
  const auto theirs = order(1);
  EXPECT_EQ(refusal([&] { h.validate(1, "{\"id\":" + std::to_string(mine) + "}"); }),
            Refusal(700, "知识付费订单 " + std::to_string(mine) + " 不存在"));
  // Another factory's purchase too.
  h.setFactory(2);
  EXPECT_EQ(refusal([&] { h.validate(1, "{\"id\":" + std::to_string(theirs) + "}"); }),
            Refusal(700, "知识付费订单 " + std::to_string(theirs) + " 不存在"));
  h.setFactory(1);
  h.setUser(1);
  // Off sale.
  setOnSale(1, "课程A", "1", false);
  EXPECT_EQ(refusal([&] { h.validate(1, "{\"id\":" + std::to_string(mine) + "}"); }),
            Refusal(300, "知识付费内容「课程A」已下架,订单 1 不能支付"));
  setOnSale(1, "课程A", "1", true);
  // Paid already.
  h.ledger().balance_ = 100;
  ASSERT_EQ(h.execute(1, "{\"id\":" + std::to_string(mine) + "}").status, Status::Done);
  EXPECT_EQ(refusal([&] { h.validate(1, "{\"id\":" + std::to_string(mine) + "}"); }),
            Refusal(300, "知识付费订单 1 已支付,不能重复支付"));
}

TEST_F(KnowledgePayHandlerTest, ExecuteDebitsThePriceAndMarksThePurchasePaid) {
  const auto id = order(addItem("课程A", "12.50"));
  h.ledger().balance_ = 2000;
  h.clock().advance(60000);
  const auto run = h.newPayment();
  const auto r = h.execute(1, "{\"id\":" + std::to_string(id) + "}", run);
  ASSERT_EQ(r.status, Status::Done) << r.reason;
  EXPECT_EQ(h.ledger().balance_, 750);
  ASSERT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(h.ledger().entries[0].reason, "支付知识付费订单");
  EXPECT_EQ(h.ledger().entries[0].reference, "knowledge:1");
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/1/PAID/1250/" + run.key});
  ASSERT_TRUE(r.result);
  EXPECT_EQ(r.result->getValue<std::string>("purchases"), "knowledge:1");
  // Stamped with the host's clock.
  const auto list = h.callAs(sdk::Audience::User, "GET", "/knowledge/purchases", "{}");
  ASSERT_EQ(list.code, 0) << list.msg;
  EXPECT_EQ(array(list)->getObject(0)->getValue<Poco::Int64>("paidAt"), h.clock().now);
}

TEST_F(KnowledgePayHandlerTest, ExecutePaysSeveralPurchasesAtTheirSum) {
  const auto a = order(addItem("课程A", "1.50")), b = order(addItem("课程B", "2"));
  h.ledger().balance_ = 400;
  const auto run = h.newPayment();
  ASSERT_EQ(h.execute(1, "{\"id\":\"" + std::to_string(a) + "," + std::to_string(b) + "\"}", run).status,
            Status::Done);
  EXPECT_EQ(h.ledger().balance_, 50);
  EXPECT_EQ(h.ledger().entries[0].reference, "knowledge:1,2");
  EXPECT_EQ(rows(), (std::vector<std::string>{"1/1/1/PAID/150/" + run.key, "1/1/2/PAID/200/" + run.key}));
}

TEST_F(KnowledgePayHandlerTest, ExecuteTwiceForOneStepPaysOnce) {
  const auto id = order(addItem("课程A", "3"));
  h.ledger().balance_ = 1000;
  const auto run = h.newPayment();
  const std::string params = "{\"id\":" + std::to_string(id) + "}";
  ASSERT_EQ(h.execute(1, params, run).status, Status::Done);
  const auto again = h.execute(1, params, run);
  ASSERT_EQ(again.status, Status::Done) << again.reason;
  EXPECT_EQ(h.ledger().balance_, 700);
  EXPECT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/1/PAID/300/" + run.key});
}

TEST_F(KnowledgePayHandlerTest, ExecuteFailsCleanlyWhenAnotherPaymentPaidItMeanwhile) {
  const auto id = order(addItem("课程A", "3"));
  h.ledger().balance_ = 1000;
  const std::string params = "{\"id\":" + std::to_string(id) + "}";
  const auto first = h.newPayment();
  ASSERT_EQ(h.execute(1, params, first).status, Status::Done);
  const auto r = h.execute(1, params, h.newPayment());
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "知识付费订单 1 已支付,不能重复支付");
  // The second payment's money stays in the wallet.
  EXPECT_EQ(h.ledger().balance_, 700);
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/1/PAID/300/" + first.key});
}

TEST_F(KnowledgePayHandlerTest, ExecuteFailsWhenTheWalletIsShortAndChangesNothing) {
  const auto id = order(addItem("课程A", "12.50"));
  h.ledger().balance_ = 1249;
  const auto r = h.execute(1, "{\"id\":" + std::to_string(id) + "}");
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "余额不足,支付知识付费订单需要 12.50 元");
  EXPECT_EQ(h.ledger().balance_, 1249);
  EXPECT_TRUE(h.ledger().entries.empty());
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/1/PENDING/0/"});
}

TEST_F(KnowledgePayHandlerTest, ExecuteFailsWhenTheItemWentOffSaleAndChangesNothing) {
  const auto a = order(addItem("课程A", "1")), b = order(addItem("课程B", "1"));
  setOnSale(2, "课程B", "1", false);
  h.ledger().balance_ = 500;
  const auto r = h.execute(1, "{\"id\":\"" + std::to_string(a) + "," + std::to_string(b) + "\"}");
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "知识付费内容「课程B」已下架,订单 2 不能支付");
  EXPECT_EQ(h.ledger().balance_, 500);
  EXPECT_EQ(rows(), (std::vector<std::string>{"1/1/1/PENDING/0/", "1/1/2/PENDING/0/"}));
}

TEST_F(KnowledgePayHandlerTest, ExecuteFailsOnBadParams) {
  const auto r = h.execute(1, R"({"id":"x"})");
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "参数 id 格式错误,应为以英文逗号分隔的编号");
}

TEST_F(KnowledgePayHandlerTest, PostgresqlMigrationsRun) {
  if (!h.checkPostgresqlMigrations()) GTEST_SKIP() << "PAYNEXT_TEST_POSTGRESQL is not set";
}

}  // namespace
}  // namespace paynext::plugins::knowledge::test
