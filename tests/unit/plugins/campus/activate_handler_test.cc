#include "plugins/campus/activate_handler.h"

#include "campus_test_support.h"

namespace paynext::plugins::campus::test {
namespace {

using sdk::testing::refusal;
using Refusal = std::pair<int, std::string>;

class ActivateHandlerTest : public CampusTest {
 protected:
  void SetUp() override { setUpFactory(); }

  std::vector<ActivationRecord> records() { return RecordStore(h.session(), 1).list(std::nullopt, 0, 100); }
  ActivationRecord record(const std::string& id) { return *RecordStore(h.session(), 1).findForUser(7, id); }
};

TEST_F(ActivateHandlerTest, IsTypeTwoThousandOneWithDocumentedParams) {
  auto types = CampusModule().actionTypes();
  ASSERT_EQ(types.size(), 1u);
  EXPECT_EQ(types[0].code, 2001);
  EXPECT_EQ(types[0].title, "开通校园卡套餐");
  ASSERT_EQ(types[0].params.size(), 3u);
  EXPECT_EQ(types[0].params[0].name, "itemIDs");
  EXPECT_EQ(types[0].params[1].name, "payType");
}

TEST_F(ActivateHandlerTest, ValidateReturnsTheTotalPrice) {
  EXPECT_EQ(h.validate(2001, R"({"itemIDs":"10000001,10000002","payType":0})"), 15800 + 18800);
  EXPECT_EQ(h.validate(2001, R"({"itemIDs":"20000001","payType":"0"})"), 3000);
}

TEST_F(ActivateHandlerTest, ValidateRefusesBadParamsAndTargets) {
  EXPECT_EQ(refusal([&] { h.validate(2001, R"({"payType":0})"); }), Refusal(300, "缺少参数 itemIDs"));
  EXPECT_EQ(refusal([&] { h.validate(2001, R"({"itemIDs":"10000001"})"); }), Refusal(300, "缺少参数 payType"));
  EXPECT_EQ(refusal([&] { h.validate(2001, R"({"itemIDs":"10000001","payType":3})"); }),
            Refusal(300, "参数 payType 格式错误,应为0(正常购买)、1(升级)或 2(续费)"));
  EXPECT_EQ(refusal([&] { h.validate(2001, R"({"itemIDs":"10000001,10000001","payType":0})"); }),
            Refusal(300, "参数 itemIDs 中 10000001 重复"));
  EXPECT_EQ(refusal([&] { h.validate(2001, R"({"itemIDs":"99","payType":0})"); }), Refusal(700, "套餐 99 不存在"));
  EXPECT_EQ(refusal([&] { h.validate(2001, R"({"itemIDs":"10000001,20000001","payType":0})"); }),
            Refusal(300, "套餐 20000001 与 10000001 不是同一类型"));
  h.setFactory(2);
  EXPECT_EQ(refusal([&] { h.validate(2001, R"({"itemIDs":"10000001","payType":0})"); }),
            Refusal(700, "套餐 10000001 不存在"));
}

TEST_F(ActivateHandlerTest, BuyStartsNowForTheDurationAndDebitsTheWallet) {
  const auto run = h.newPayment();
  const std::string trade = run.outTradeId;
  const auto r = activate("10000001,10000002", 0, run);
  ASSERT_EQ(r.status, sdk::StepResult::Status::Done) << r.reason;
  EXPECT_EQ(r.result->getValue<std::string>("recordIDs"), trade + "-10000001," + trade + "-10000002");
  const auto a = record(trade + "-10000001");
  EXPECT_EQ(a.startAt, kJan1);
  EXPECT_EQ(a.endAt, kJan1 + 365 * kDayMs);
  EXPECT_EQ(a.itemName, "A套餐-不含定位");
  EXPECT_EQ(a.outTradeId, trade);
  EXPECT_EQ(a.payType, 0);
  EXPECT_EQ(a.idempotencyKey, run.key);
  EXPECT_EQ(a.createdAt, kJan1);
  EXPECT_EQ(record(trade + "-10000002").endAt, kJan1 + 365 * kDayMs);
  EXPECT_EQ(h.ledger().balance_, 1000000 - 15800 - 18800);
  ASSERT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(h.ledger().entries[0].amount, -34600);
  EXPECT_EQ(h.ledger().entries[0].reference, "campus:" + run.key);
}

TEST_F(ActivateHandlerTest, EachPaymentActivatesItsOwnRecordsAtTheHostsNow) {
  const auto first = h.newPayment();
  ASSERT_EQ(activate("20000001", 0, first).status, sdk::StepResult::Status::Done);
  h.clock().advance(3 * kDayMs);
  const auto second = h.newPayment();
  ASSERT_NE(second.outTradeId, first.outTradeId);
  ASSERT_EQ(activate("10000001", 0, second).status, sdk::StepResult::Status::Done);
  EXPECT_EQ(record(first.outTradeId + "-20000001").startAt, kJan1);
  EXPECT_EQ(record(second.outTradeId + "-10000001").startAt, kJan1 + 3 * kDayMs);
  EXPECT_EQ(record(second.outTradeId + "-10000001").createdAt, kJan1 + 3 * kDayMs);
  EXPECT_EQ(records().size(), 2u);
}

TEST_F(ActivateHandlerTest, BuyAgainStartsAfterTheCurrentPeriod) {
  seedRecord("10000001", 0, kJan1 - 10 * kDayMs, kJan1 + 20 * kDayMs);
  const auto run = h.newPayment();
  ASSERT_EQ(activate("10000001", 0, run).status, sdk::StepResult::Status::Done);
  EXPECT_EQ(record(run.outTradeId + "-10000001").startAt, kJan1 + 20 * kDayMs);
  EXPECT_EQ(record(run.outTradeId + "-10000001").endAt, kJan1 + 385 * kDayMs);
}

TEST_F(ActivateHandlerTest, RenewExtendsTheLatestPeriodOfThatItem) {
  seedRecord("20000001", 1, kJan1 - 10 * kDayMs, kJan1 + 20 * kDayMs);
  const auto run = h.newPayment();
  ASSERT_EQ(activate("20000001", 2, run).status, sdk::StepResult::Status::Done);
  const auto r = record(run.outTradeId + "-20000001");
  EXPECT_EQ(r.startAt, kJan1 + 20 * kDayMs);
  EXPECT_EQ(r.endAt, kJan1 + 50 * kDayMs);  // the SMS package lasts 30 days
  EXPECT_EQ(r.payType, 2);
}

TEST_F(ActivateHandlerTest, RenewOfAnExpiredPackageStartsNow) {
  seedRecord("20000001", 1, kJan1 - 40 * kDayMs, kJan1 - 10 * kDayMs);
  const auto run = h.newPayment();
  ASSERT_EQ(activate("20000001", 2, run).status, sdk::StepResult::Status::Done);
  EXPECT_EQ(record(run.outTradeId + "-20000001").startAt, kJan1);
}

TEST_F(ActivateHandlerTest, UpgradeEndsTheActivePackageOfTheTypeNowAndStartsNow) {
  seedRecord("10000001", 0, kJan1 - 10 * kDayMs, kJan1 + 100 * kDayMs);
  seedRecord("10000001", 0, kJan1 + 100 * kDayMs, kJan1 + 465 * kDayMs, "PN1");  // booked next year
  seedRecord("20000001", 1, kJan1 - 10 * kDayMs, kJan1 + 20 * kDayMs);             // another type: untouched
  const auto run = h.newPayment();
  ASSERT_EQ(activate("10000002", 1, run).status, sdk::StepResult::Status::Done);
  EXPECT_EQ(record("PN0-10000001").startAt, kJan1 - 10 * kDayMs);
  EXPECT_EQ(record("PN0-10000001").endAt, kJan1);
  EXPECT_EQ(record("PN1-10000001").startAt, kJan1);
  EXPECT_EQ(record("PN1-10000001").endAt, kJan1);
  EXPECT_EQ(record("PN0-20000001").endAt, kJan1 + 20 * kDayMs);
  EXPECT_EQ(record(run.outTradeId + "-10000002").startAt, kJan1);
  EXPECT_EQ(record(run.outTradeId + "-10000002").endAt, kJan1 + 365 * kDayMs);
}

TEST_F(ActivateHandlerTest, ARetryOfADoneStepActivatesNothingTwice) {
  const auto run = h.newPayment();
  ASSERT_EQ(activate("10000001", 0, run).status, sdk::StepResult::Status::Done);
  const auto before = snapshot();
  const auto balance = h.ledger().balance_;
  h.clock().advance(5 * kDayMs);
  const auto again = h.execute(2001, activation("10000001", 0), run);
  ASSERT_EQ(again.status, sdk::StepResult::Status::Done) << again.reason;
  EXPECT_EQ(again.result->getValue<std::string>("recordIDs"), run.outTradeId + "-10000001");
  EXPECT_EQ(snapshot(), before);
  EXPECT_EQ(h.ledger().balance_, balance);
}

TEST_F(ActivateHandlerTest, FailsAndChangesNothingWhenTheWalletIsShortOrThePackageWasDeleted) {
  const auto before = snapshot();
  const auto shortOfMoney = h.execute(2001, activation("10000001", 0));
  EXPECT_EQ(shortOfMoney.status, sdk::StepResult::Status::Fail);
  EXPECT_EQ(shortOfMoney.reason, "余额不足,开通校园卡套餐需要 158.00 元");
  EXPECT_EQ(snapshot(), before);
  h.ledger().balance_ = 100000;
  admin("DELETE", "/packages", R"({"id":"10000002"})");
  const auto deleted = h.execute(2001, activation("10000002", 0));
  EXPECT_EQ(deleted.status, sdk::StepResult::Status::Fail);
  EXPECT_EQ(deleted.reason, "套餐 10000002 不存在");
  EXPECT_EQ(h.ledger().balance_, 100000);
}

}  // namespace
}  // namespace paynext::plugins::campus::test
