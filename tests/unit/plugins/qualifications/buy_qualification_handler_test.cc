#include "plugins/qualifications/buy_qualification_handler.h"

#include "qualifications_test_support.h"

namespace paynext::plugins::qualifications::test {
namespace {

class BuyQualificationHandlerTest : public QualificationsTest {
 protected:
  static std::string exp(std::int64_t ms) { return std::to_string(ms); }
};

TEST_F(BuyQualificationHandlerTest, TheModuleHandlesTypes12To14WithTheSeedsTitlesAndNoParams) {
  const auto types = QualificationsModule().actionTypes();
  ASSERT_EQ(types.size(), 3u);
  EXPECT_EQ(types[0].code, 12);
  EXPECT_EQ(types[0].title, "购买社区团购的团长");
  EXPECT_EQ(types[1].code, 13);
  EXPECT_EQ(types[1].title, "购买分销商资格");
  EXPECT_EQ(types[2].code, 14);
  EXPECT_EQ(types[2].title, "购买合伙人模式下的团队长");
  for (const auto& t : types) {
    EXPECT_TRUE(t.params.empty()) << t.code;
    EXPECT_TRUE(t.handler) << t.code;
  }
}

TEST_F(BuyQualificationHandlerTest, ValidateReturnsEachKindsPriceInFen) {
  offer(12, "99", 30);
  offer(13, "0.01", 0);
  offer(14, "1288.50", 365);
  EXPECT_EQ(h.validate(12, R"({"type":12})"), 9900);
  EXPECT_EQ(h.validate(13, R"({"type":13})"), 1);
  EXPECT_EQ(h.validate(14, R"({"type":"14"})"), 128850);
  EXPECT_TRUE(holders().empty());
  EXPECT_TRUE(grants().empty());
}

TEST_F(BuyQualificationHandlerTest, ValidateFollowsThePriceAdminsSetLast) {
  offer(12, "99", 30);
  offer(12, "49.90", 7);
  EXPECT_EQ(h.validate(12, "{}"), 4990);
  EXPECT_EQ(offerCount(), 1);
}

TEST_F(BuyQualificationHandlerTest, ValidateRefusesAQualificationNotPricedOrNotOnSale) {
  EXPECT_EQ(refusal([&] { h.validate(12, "{}"); }), Refusal(300, "「社区团购团长」资格尚未定价,暂不能购买"));
  offer(13, "10", 30, false);
  EXPECT_EQ(refusal([&] { h.validate(13, "{}"); }), Refusal(300, "「分销商」资格已停售,暂不能购买"));
  // Another factory's offer does not price this factory's.
  offer(14, "10", 30);
  h.setFactory(2);
  EXPECT_EQ(refusal([&] { h.validate(14, "{}"); }), Refusal(300, "「合伙人团队长」资格尚未定价,暂不能购买"));
  EXPECT_TRUE(holders().empty());
  EXPECT_TRUE(grants().empty());
}

TEST_F(BuyQualificationHandlerTest, ValidateRefusesAUserWhoHoldsItPermanently) {
  offer(13, "100", 0);
  h.ledger().balance_ = 10000;
  ASSERT_EQ(buy(13).status, Status::Done);
  EXPECT_EQ(refusal([&] { h.validate(13, "{}"); }), Refusal(300, "您已永久拥有「分销商」资格,无需重复购买"));
  // Also when admins sell it for some days now: permanent stays permanent.
  offer(13, "10", 30);
  EXPECT_EQ(refusal([&] { h.validate(13, "{}"); }), Refusal(300, "您已永久拥有「分销商」资格,无需重复购买"));
  // Other kinds, and other users, are not affected.
  offer(12, "5", 30);
  EXPECT_EQ(h.validate(12, "{}"), 500);
  h.setUser(2);
  EXPECT_EQ(h.validate(13, "{}"), 1000);
}

TEST_F(BuyQualificationHandlerTest, ExecuteDebitsThePriceAndGrantsTheDays) {
  offer(12, "99", 30);
  h.ledger().balance_ = 10000;
  const auto run = h.newPayment();
  const auto r = h.execute(12, R"({"type":12})", run);
  ASSERT_EQ(r.status, Status::Done) << r.reason;
  EXPECT_EQ(h.ledger().balance_, 100);
  ASSERT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(h.ledger().entries[0].amount, -9900);
  EXPECT_EQ(h.ledger().entries[0].reason, "购买社区团购的团长");
  EXPECT_EQ(h.ledger().entries[0].reference, "qualifications:" + run.key);
  const std::int64_t expiry = h.clock().now + 30 * kDayMs;
  EXPECT_EQ(holders(), std::vector<std::string>{"1/1/12/0/" + exp(expiry)});
  EXPECT_EQ(grants(), std::vector<std::string>{"1/1/12/9900/30/0/qualifications:" + run.key});
  ASSERT_TRUE(r.result);
  EXPECT_EQ(r.result->getValue<int>("type"), 12);
  EXPECT_EQ(r.result->getValue<Poco::Int64>("expiresAt"), expiry);
  EXPECT_DOUBLE_EQ(r.result->getValue<double>("amount"), 99);
}

TEST_F(BuyQualificationHandlerTest, ExecuteExtendsARunningQualificationFromItsExpiry) {
  offer(14, "10", 30);
  h.ledger().balance_ = 10000;
  const std::int64_t first = h.clock().now + 30 * kDayMs;
  ASSERT_EQ(buy(14).status, Status::Done);
  h.clock().advance(10 * kDayMs);
  offer(14, "20", 7);
  ASSERT_EQ(buy(14).status, Status::Done);
  EXPECT_EQ(holders(), std::vector<std::string>{"1/1/14/0/" + exp(first + 7 * kDayMs)});
  EXPECT_EQ(h.ledger().balance_, 7000);
  EXPECT_EQ(grants().size(), 2u);
}

TEST_F(BuyQualificationHandlerTest, ExecuteRestartsAnExpiredQualificationFromNow) {
  offer(12, "10", 30);
  h.ledger().balance_ = 10000;
  ASSERT_EQ(buy(12).status, Status::Done);
  h.clock().advance(45 * kDayMs);
  ASSERT_EQ(buy(12).status, Status::Done);
  EXPECT_EQ(holders(), std::vector<std::string>{"1/1/12/0/" + exp(h.clock().now + 30 * kDayMs)});
}

TEST_F(BuyQualificationHandlerTest, ExecuteMakesATimedQualificationPermanent) {
  offer(13, "10", 30);
  h.ledger().balance_ = 10000;
  ASSERT_EQ(buy(13).status, Status::Done);
  offer(13, "88", 0);
  const auto r = buy(13);
  ASSERT_EQ(r.status, Status::Done) << r.reason;
  EXPECT_TRUE(r.result->getValue<bool>("permanent"));
  EXPECT_EQ(holders(), std::vector<std::string>{"1/1/13/1/0"});
  EXPECT_EQ(h.ledger().balance_, 10000 - 1000 - 8800);
}

TEST_F(BuyQualificationHandlerTest, KindsAreHeldSeparately) {
  offer(12, "1", 30);
  offer(13, "2", 0);
  offer(14, "3", 60);
  h.ledger().balance_ = 600;
  for (int type : {12, 13, 14}) ASSERT_EQ(buy(type).status, Status::Done) << type;
  const std::int64_t t = h.clock().now;
  EXPECT_EQ(holders(), (std::vector<std::string>{"1/1/12/0/" + exp(t + 30 * kDayMs), "1/1/13/1/0",
                                                 "1/1/14/0/" + exp(t + 60 * kDayMs)}));
  EXPECT_EQ(h.ledger().balance_, 0);
}

TEST_F(BuyQualificationHandlerTest, ExecuteTwiceForOneStepGrantsOnce) {
  offer(12, "10", 30);
  h.ledger().balance_ = 5000;
  const auto run = h.newPayment();
  ASSERT_EQ(h.execute(12, "{}", run).status, Status::Done);
  h.clock().advance(kDayMs);
  const auto again = h.execute(12, "{}", run);
  ASSERT_EQ(again.status, Status::Done) << again.reason;
  EXPECT_EQ(h.ledger().balance_, 4000);
  EXPECT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(grants().size(), 1u);
  EXPECT_EQ(holders(), std::vector<std::string>{"1/1/12/0/" + exp(h.clock().now - kDayMs + 30 * kDayMs)});
}

TEST_F(BuyQualificationHandlerTest, ExecuteFailsCleanlyWhenAnotherPaymentGrantedItPermanentlyMeanwhile) {
  offer(14, "500", 0);
  h.ledger().balance_ = 100000;
  // Both payments passed validate before either step ran.
  EXPECT_EQ(h.validate(14, "{}"), 50000);
  EXPECT_EQ(h.validate(14, "{}"), 50000);
  const auto first = h.newPayment();
  ASSERT_EQ(h.execute(14, "{}", first).status, Status::Done);
  const auto r = buy(14);
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "您已永久拥有「合伙人团队长」资格,无需重复购买");
  // The second payment's money stays in the wallet.
  EXPECT_EQ(h.ledger().balance_, 50000);
  EXPECT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(holders(), std::vector<std::string>{"1/1/14/1/0"});
  EXPECT_EQ(grants(), std::vector<std::string>{"1/1/14/50000/0/1/qualifications:" + first.key});
}

TEST_F(BuyQualificationHandlerTest, ExecuteFailsWhenTheOfferWentOffSaleOrUnpricedMeanwhile) {
  h.ledger().balance_ = 5000;
  auto r = buy(12);
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "「社区团购团长」资格尚未定价,暂不能购买");
  offer(12, "10", 30, false);
  r = buy(12);
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "「社区团购团长」资格已停售,暂不能购买");
  EXPECT_EQ(h.ledger().balance_, 5000);
  EXPECT_TRUE(h.ledger().entries.empty());
  EXPECT_TRUE(holders().empty());
  EXPECT_TRUE(grants().empty());
}

TEST_F(BuyQualificationHandlerTest, ExecuteFailsWhenTheWalletIsShortAndChangesNothing) {
  offer(13, "12.50", 30);
  h.ledger().balance_ = 1249;
  const auto r = buy(13);
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "余额不足,购买「分销商」资格需要 12.50 元");
  EXPECT_EQ(h.ledger().balance_, 1249);
  EXPECT_TRUE(h.ledger().entries.empty());
  // The grant written before the debit rolled back with the step.
  EXPECT_TRUE(holders().empty());
  EXPECT_TRUE(grants().empty());
}

TEST_F(BuyQualificationHandlerTest, PostgresqlMigrationsRun) {
  if (!h.checkPostgresqlMigrations()) GTEST_SKIP() << "PAYNEXT_TEST_POSTGRESQL is not set";
}

}  // namespace
}  // namespace paynext::plugins::qualifications::test
