#include "plugins/addbell/add_bell_pay_handler.h"

#include "addbell_test_support.h"

namespace paynext::plugins::addbell::test {
namespace {

class AddBellPayHandlerTest : public AddbellTest {
 protected:
  void SetUp() override {
    service_ = addService();
    order_ = openOrder(service_);
  }
  std::int64_t service_ = 0, order_ = 0;
};

TEST_F(AddBellPayHandlerTest, ValidateReturnsTheRecordsAmountInFen) {
  const auto one = apply(order_, 1), three = apply(order_, 3);
  EXPECT_EQ(h.validate(19, pay(one)), 4550);
  EXPECT_EQ(h.validate(19, "{\"orderAddBellId\":\"" + std::to_string(three) + "\"}"), 13650);
  EXPECT_EQ(records(), (std::vector<std::string>{"1/1/1/1/30/4550/PENDING/", "1/1/1/3/90/13650/PENDING/"}));
}

TEST_F(AddBellPayHandlerTest, TheAmountIsTheOneQuotedWhenAskedNotTheNewPrice) {
  const auto id = apply(order_, 2);
  const auto r = h.callAs(sdk::Audience::Admin, "PUT", "/services",
                          R"({"id":1,"name":"足疗","baseMinutes":60,"basePrice":"98","unitMinutes":45,)"
                          R"("unitPrice":"99","maxUnits":3})");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(h.validate(19, pay(id)), 9100);
  h.ledger().balance_ = 9100;
  ASSERT_EQ(h.execute(19, pay(id)).status, Status::Done);
  EXPECT_EQ(orders(), std::vector<std::string>{"1/1/60/120/open"});
}

TEST_F(AddBellPayHandlerTest, ValidateRefusesBadParamsNamingTheField) {
  apply(order_, 1);
  EXPECT_EQ(refusal([&] { h.validate(19, "{}"); }), Refusal(300, "缺少参数 orderAddBellId"));
  EXPECT_EQ(refusal([&] { h.validate(19, R"({"orderAddBellId":0})"); }),
            Refusal(300, "参数 orderAddBellId 格式错误,应为正整数"));
  EXPECT_EQ(refusal([&] { h.validate(19, R"({"orderAddBellId":"abc"})"); }),
            Refusal(300, "参数 orderAddBellId 格式错误,应为整数"));
  EXPECT_EQ(records(), std::vector<std::string>{"1/1/1/1/30/4550/PENDING/"});
}

TEST_F(AddBellPayHandlerTest, ValidateRefusesWhatIsNotTheCallers) {
  const auto mine = apply(order_, 1);
  EXPECT_EQ(refusal([&] { h.validate(19, pay(99)); }), Refusal(700, "加钟记录 99 不存在"));
  // Another user's record is reported as missing, and so is another factory's.
  h.setUser(2);
  EXPECT_EQ(refusal([&] { h.validate(19, pay(mine)); }), Refusal(700, "加钟记录 1 不存在"));
  h.setUser(1);
  h.setFactory(2);
  EXPECT_EQ(refusal([&] { h.validate(19, pay(mine)); }), Refusal(700, "加钟记录 1 不存在"));
}

TEST_F(AddBellPayHandlerTest, ValidateRefusesARecordWhoseOrderFinished) {
  const auto id = apply(order_, 1);
  h.clock().advance(60 * kMinute);  // the base hour is over
  EXPECT_EQ(refusal([&] { h.validate(19, pay(id)); }), Refusal(300, "服务订单 1 已结束,不能加钟"));
  // Once the job ran, the record itself is expired.
  h.runJob("expire");
  EXPECT_EQ(refusal([&] { h.validate(19, pay(id)); }), Refusal(300, "加钟记录 1 已失效(服务订单已结束)"));
  EXPECT_EQ(records(), std::vector<std::string>{"1/1/1/1/30/4550/EXPIRED/"});
}

TEST_F(AddBellPayHandlerTest, ValidateRefusesAPaidRecord) {
  const auto id = apply(order_, 1);
  h.ledger().balance_ = 4550;
  ASSERT_EQ(h.execute(19, pay(id)).status, Status::Done);
  EXPECT_EQ(refusal([&] { h.validate(19, pay(id)); }), Refusal(300, "加钟记录 1 已支付,不能重复支付"));
}

TEST_F(AddBellPayHandlerTest, ExecuteDebitsMarksPaidAndExtendsTheOrder) {
  const auto id = apply(order_, 2);
  h.ledger().balance_ = 10000;
  h.clock().advance(10 * kMinute);
  const auto run = h.newPayment();
  const auto r = h.execute(19, pay(id), run);
  ASSERT_EQ(r.status, Status::Done) << r.reason;
  EXPECT_EQ(h.ledger().balance_, 900);
  ASSERT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(h.ledger().entries[0].reason, "加钟");
  EXPECT_EQ(h.ledger().entries[0].reference, "addbell:1");
  EXPECT_EQ(records(), std::vector<std::string>{"1/1/1/2/60/9100/PAID/" + run.key});
  EXPECT_EQ(orders(), std::vector<std::string>{"1/1/60/120/open"});
  ASSERT_TRUE(r.result);
  // 06:13:20 + 60 + 60 minutes.
  EXPECT_EQ(r.result->getValue<std::string>("endTime"), "2023-11-15 08:13:20");
  // Stamped with the host's clock.
  const auto list = h.callAs(sdk::Audience::User, "GET", "/addbell/records", "{}");
  ASSERT_EQ(list.code, 0) << list.msg;
  EXPECT_EQ(array(list)->getObject(0)->getValue<Poco::Int64>("paidAt"), h.clock().now);
}

TEST_F(AddBellPayHandlerTest, TwoRecordsOfOneOrderBothExtendIt) {
  const auto a = apply(order_, 1), b = apply(order_, 3);
  h.ledger().balance_ = 20000;
  ASSERT_EQ(h.execute(19, pay(a)).status, Status::Done);
  ASSERT_EQ(h.execute(19, pay(b)).status, Status::Done);
  EXPECT_EQ(h.ledger().balance_, 20000 - 4550 - 13650);
  EXPECT_EQ(orders(), std::vector<std::string>{"1/1/120/180/open"});
}

TEST_F(AddBellPayHandlerTest, ExecuteTwiceForOneStepExtendsOnce) {
  const auto id = apply(order_, 1);
  h.ledger().balance_ = 10000;
  const auto run = h.newPayment();
  ASSERT_EQ(h.execute(19, pay(id), run).status, Status::Done);
  const auto again = h.execute(19, pay(id), run);
  ASSERT_EQ(again.status, Status::Done) << again.reason;
  EXPECT_EQ(h.ledger().balance_, 5450);
  EXPECT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(orders(), std::vector<std::string>{"1/1/30/90/open"});
}

TEST_F(AddBellPayHandlerTest, ExecuteFailsCleanlyWhenAnotherPaymentPaidItMeanwhile) {
  const auto id = apply(order_, 1);
  h.ledger().balance_ = 10000;
  const auto first = h.newPayment();
  ASSERT_EQ(h.execute(19, pay(id), first).status, Status::Done);
  const auto r = h.execute(19, pay(id), h.newPayment());
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "加钟记录 1 已支付,不能重复支付");
  // The second payment's money stays in the wallet; the order grew once.
  EXPECT_EQ(h.ledger().balance_, 5450);
  EXPECT_EQ(records(), std::vector<std::string>{"1/1/1/1/30/4550/PAID/" + first.key});
  EXPECT_EQ(orders(), std::vector<std::string>{"1/1/30/90/open"});
}

TEST_F(AddBellPayHandlerTest, ExecuteFailsCleanlyWhenTheOrderFinishedMeanwhile) {
  const auto id = apply(order_, 1);
  h.ledger().balance_ = 10000;
  h.clock().advance(60 * kMinute);
  auto r = h.execute(19, pay(id));
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "服务订单 1 已结束,不能加钟");
  // Closed by an admin: the same.
  h.clock().now -= 60 * kMinute;
  ASSERT_EQ(h.callAs(sdk::Audience::Admin, "PUT", "/orders", R"({"id":1})").code, 0);
  r = h.execute(19, pay(id));
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "加钟记录 1 已失效(服务订单已结束)");
  EXPECT_EQ(h.ledger().balance_, 10000);
  EXPECT_TRUE(h.ledger().entries.empty());
  EXPECT_EQ(records(), std::vector<std::string>{"1/1/1/1/30/4550/EXPIRED/"});
  EXPECT_EQ(orders(), std::vector<std::string>{"1/1/0/60/closed"});
}

TEST_F(AddBellPayHandlerTest, ExecuteFailsWhenTheWalletIsShortAndChangesNothing) {
  const auto id = apply(order_, 1);
  h.ledger().balance_ = 4549;
  const auto r = h.execute(19, pay(id));
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "余额不足,加钟需要 45.50 元");
  EXPECT_EQ(h.ledger().balance_, 4549);
  EXPECT_TRUE(h.ledger().entries.empty());
  EXPECT_EQ(records(), std::vector<std::string>{"1/1/1/1/30/4550/PENDING/"});
  EXPECT_EQ(orders(), std::vector<std::string>{"1/1/0/60/open"});
}

TEST_F(AddBellPayHandlerTest, ExpireJobExpiresOnlyRecordsOfFinishedOrdersOfItsFactory) {
  // Factory 2 has its own service, order and pending record.
  h.setFactory(2);
  const auto theirs = openOrder(addService());
  apply(theirs, 1);
  h.setFactory(1);
  const auto later = openOrder(service_, 1, 30 * kMinute);  // runs 06:43:20 - 07:43:20
  const auto paid = apply(order_, 1);
  h.clock().advance(30 * kMinute);
  apply(later, 1);
  h.ledger().balance_ = 4550;
  const auto run = h.newPayment();
  ASSERT_EQ(h.execute(19, pay(paid), run).status, Status::Done);  // order 1 now ends at 07:43:20 too
  apply(order_, 1);
  h.clock().advance(59 * kMinute);
  h.runJob("expire");  // both still running
  EXPECT_EQ(records(), (std::vector<std::string>{"2/2/1/1/30/4550/PENDING/", "1/1/1/1/30/4550/PAID/" + run.key,
                                                 "1/3/1/1/30/4550/PENDING/", "1/1/1/1/30/4550/PENDING/"}));
  h.clock().advance(kMinute);
  h.runJob("expire");
  EXPECT_EQ(records(), (std::vector<std::string>{"2/2/1/1/30/4550/PENDING/", "1/1/1/1/30/4550/PAID/" + run.key,
                                                 "1/3/1/1/30/4550/EXPIRED/", "1/1/1/1/30/4550/EXPIRED/"}));
}

TEST_F(AddBellPayHandlerTest, PostgresqlMigrationsRun) {
  if (!h.checkPostgresqlMigrations()) GTEST_SKIP() << "PAYNEXT_TEST_POSTGRESQL is not set";
}

}  // namespace
}  // namespace paynext::plugins::addbell::test
