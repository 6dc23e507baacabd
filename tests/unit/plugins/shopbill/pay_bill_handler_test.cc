#include "plugins/shopbill/pay_bill_handler.h"

#include "shopbill_test_support.h"

namespace paynext::plugins::shopbill::test {
namespace {

class PayBillHandlerTest : public ShopbillTest {
 protected:
  // 满 100 减 10, 满 200 减 30, then 12% off (八八折).
  std::int64_t discounted() {
    return addShop("东门店", R"("percentOff":12,"tiers":[{"threshold":"100","off":"10"},{"threshold":"200","off":"30"}])");
  }
};

TEST_F(PayBillHandlerTest, ValidateReturnsWhatIsDueAfterTheShopsRuleInFen) {
  const auto shop = discounted();
  // 250.00 - 30.00 = 220.00, 12% = 26.40 -> 193.60.
  EXPECT_EQ(h.validate(4, step(shop, "250")), 19360);
  // 100.00 - 10.00 = 90.00, 12% = 10.80 -> 79.20.
  EXPECT_EQ(h.validate(4, step(shop, "100.00")), 7920);
  // 0.01: 12% of a fen rounds up to the fen; nothing is due.
  EXPECT_EQ(h.validate(4, step(shop, "0.01")), 0);
  // Numbers and numeric strings alike.
  EXPECT_EQ(h.validate(4, R"({"shopId":")" + std::to_string(shop) + R"(","money":99.99})"), 8799);
  EXPECT_EQ(h.validate(4, R"({"shopId":)" + std::to_string(shop) + R"(,"money":250})"), 19360);
  // A shop without a rule: the bill as it is.
  EXPECT_EQ(h.validate(4, step(addShop("西门店"), "88.88")), 8888);
  EXPECT_TRUE(bills().empty());
}

TEST_F(PayBillHandlerTest, ValidateRefusesBadParamsNamingTheField) {
  const auto shop = discounted();
  const auto id = std::to_string(shop);
  EXPECT_EQ(refusal([&] { h.validate(4, R"({"money":"10"})"); }), Refusal(300, "缺少参数 shopId"));
  EXPECT_EQ(refusal([&] { h.validate(4, R"({"shopId":)" + id + "}"); }), Refusal(300, "缺少参数 money"));
  EXPECT_EQ(refusal([&] { h.validate(4, R"({"shopId":"x","money":"10"})"); }),
            Refusal(300, "参数 shopId 格式错误,应为整数"));
  EXPECT_EQ(refusal([&] { h.validate(4, R"({"shopId":0,"money":"10"})"); }),
            Refusal(300, "参数 shopId 格式错误,应为正整数"));
  const Refusal badMoney(300, "参数 money 格式错误,应为不超过两位小数的非负金额");
  EXPECT_EQ(refusal([&] { h.validate(4, R"({"shopId":)" + id + R"(,"money":"-1"})"); }), badMoney);
  EXPECT_EQ(refusal([&] { h.validate(4, R"({"shopId":)" + id + R"(,"money":"1.001"})"); }), badMoney);
  EXPECT_EQ(refusal([&] { h.validate(4, R"({"shopId":)" + id + R"(,"money":true})"); }), badMoney);
  const Refusal bounds(300, "参数 money 格式错误,应为大于 0 且不超过 100000.00 元的优惠前消费金额");
  EXPECT_EQ(refusal([&] { h.validate(4, step(shop, "0")); }), bounds);
  EXPECT_EQ(refusal([&] { h.validate(4, step(shop, "100000.01")); }), bounds);
  EXPECT_EQ(h.validate(4, step(shop, "100000")), 8797360);  // the maximum itself: (100000 - 30) * 0.88
}

TEST_F(PayBillHandlerTest, ValidateRefusesAShopThatIsUnknownOffOrAnotherFactorys) {
  const auto shop = discounted();
  EXPECT_EQ(refusal([&] { h.validate(4, step(99, "10")); }), Refusal(700, "门店 99 不存在"));
  h.setFactory(2);
  EXPECT_EQ(refusal([&] { h.validate(4, step(shop, "10")); }), Refusal(700, "门店 " + std::to_string(shop) + " 不存在"));
  h.setFactory(1);
  replaceShop(shop, "东门店", R"("enabled":false)");
  EXPECT_EQ(refusal([&] { h.validate(4, step(shop, "10")); }), Refusal(300, "门店「东门店」已停用,暂不能买单"));
}

TEST_F(PayBillHandlerTest, OutsideTheRulesDatesTheBillIsDueInFull) {
  // The harness clock is 2023-11-15 06:13:20 China time.
  const auto shop = addShop("南门店", R"("percentOff":10,"dateStart":"2023-11-15","dateEnd":"2023-11-15")");
  EXPECT_EQ(h.validate(4, step(shop, "100")), 9000);
  h.clock().advance(18 * 3600 * 1000);  // 2023-11-16 00:13:20
  EXPECT_EQ(h.validate(4, step(shop, "100")), 10000);
  const auto later = addShop("北门店", R"("percentOff":10,"dateStart":"2023-12-01 10:00:00")");
  EXPECT_EQ(h.validate(4, step(later, "100")), 10000);
}

TEST_F(PayBillHandlerTest, ExecuteDebitsTheDueAndRecordsTheBillForTheShop) {
  const auto shop = discounted();
  h.ledger().balance_ = 20000;
  const auto run = h.newPayment();
  const auto r = h.execute(4, step(shop, "250"), run);
  ASSERT_EQ(r.status, Status::Done) << r.reason;
  EXPECT_EQ(h.ledger().balance_, 640);
  ASSERT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(h.ledger().entries[0].amount, -19360);
  EXPECT_EQ(h.ledger().entries[0].reason, "优惠买单");
  EXPECT_EQ(h.ledger().entries[0].reference, "shopbill:" + run.key);
  EXPECT_EQ(bills(), std::vector<std::string>{"1/1/1/25000/5640/19360/2023-11-15/" + run.key});
  ASSERT_TRUE(r.result);
  EXPECT_EQ(r.result->getValue<Poco::Int64>("billId"), 1);
  EXPECT_DOUBLE_EQ(r.result->getValue<double>("paid"), 193.6);
  EXPECT_DOUBLE_EQ(r.result->getValue<double>("discount"), 56.4);
}

TEST_F(PayBillHandlerTest, ABillWithNothingDueIsRecordedWithoutADebit) {
  const auto shop = addShop("免单店", R"("percentOff":100)");
  const auto run = h.newPayment();
  ASSERT_EQ(h.execute(4, step(shop, "50"), run).status, Status::Done);
  EXPECT_TRUE(h.ledger().entries.empty());
  EXPECT_EQ(bills(), std::vector<std::string>{"1/1/1/5000/5000/0/2023-11-15/" + run.key});
}

TEST_F(PayBillHandlerTest, TheDayIsTheChinaDate) {
  const auto shop = addShop("夜宵店");
  h.ledger().balance_ = 1000;
  // 2023-11-15 23:59:59.999 China time is 15:59:59.999 UTC.
  h.clock().now = 1700063999999;
  ASSERT_EQ(h.execute(4, step(shop, "1")).status, Status::Done);
  h.clock().advance(1);
  ASSERT_EQ(h.execute(4, step(shop, "1")).status, Status::Done);
  const auto all = bills();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_NE(all[0].find("/2023-11-15/"), std::string::npos) << all[0];
  EXPECT_NE(all[1].find("/2023-11-16/"), std::string::npos) << all[1];
}

TEST_F(PayBillHandlerTest, ExecuteTwiceForOneStepRecordsOnce) {
  const auto shop = discounted();
  h.ledger().balance_ = 20000;
  const auto run = h.newPayment();
  ASSERT_EQ(h.execute(4, step(shop, "100"), run).status, Status::Done);
  // Even with the shop changed meanwhile, the repeated step answers what it did.
  replaceShop(shop, "东门店", R"("enabled":false)");
  const auto again = h.execute(4, step(shop, "100"), run);
  ASSERT_EQ(again.status, Status::Done) << again.reason;
  EXPECT_DOUBLE_EQ(again.result->getValue<double>("paid"), 79.2);
  EXPECT_EQ(h.ledger().balance_, 20000 - 7920);
  EXPECT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(bills(), std::vector<std::string>{"1/1/1/10000/2080/7920/2023-11-15/" + run.key});
}

TEST_F(PayBillHandlerTest, TwoPaymentsRecordTwoBills) {
  const auto shop = addShop("西门店");
  h.ledger().balance_ = 1000;
  ASSERT_EQ(h.execute(4, step(shop, "3")).status, Status::Done);
  ASSERT_EQ(h.execute(4, step(shop, "3")).status, Status::Done);
  EXPECT_EQ(h.ledger().balance_, 400);
  EXPECT_EQ(bills().size(), 2u);
}

TEST_F(PayBillHandlerTest, ExecuteFailsWhenTheShopWasSwitchedOffMeanwhileAndChangesNothing) {
  const auto shop = discounted();
  h.ledger().balance_ = 20000;
  replaceShop(shop, "东门店", R"("enabled":false)");
  const auto r = h.execute(4, step(shop, "100"));
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "门店「东门店」已停用,暂不能买单");
  EXPECT_EQ(h.ledger().balance_, 20000);
  EXPECT_TRUE(h.ledger().entries.empty());
  EXPECT_TRUE(bills().empty());
}

TEST_F(PayBillHandlerTest, ExecuteFailsWhenTheWalletIsShortAndChangesNothing) {
  const auto shop = discounted();
  h.ledger().balance_ = 7919;
  const auto r = h.execute(4, step(shop, "100"));
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "余额不足,门店「东门店」买单需要 79.20 元");
  EXPECT_EQ(h.ledger().balance_, 7919);
  EXPECT_TRUE(h.ledger().entries.empty());
  EXPECT_TRUE(bills().empty());
}

TEST_F(PayBillHandlerTest, ExecuteFailsOnBadParamsOrAnUnknownShop) {
  auto r = h.execute(4, R"({"shopId":1})");
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "缺少参数 money");
  r = h.execute(4, step(5, "1"));
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "门店 5 不存在");
  EXPECT_TRUE(bills().empty());
}

TEST_F(PayBillHandlerTest, PostgresqlMigrationsRun) {
  if (!h.checkPostgresqlMigrations()) GTEST_SKIP() << "PAYNEXT_TEST_POSTGRESQL is not set";
}

}  // namespace
}  // namespace paynext::plugins::shopbill::test
