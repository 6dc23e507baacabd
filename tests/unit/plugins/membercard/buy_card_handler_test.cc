#include "plugins/membercard/buy_card_handler.h"

#include <algorithm>

#include "membercard_test_support.h"

namespace paynext::plugins::membercard::test {
namespace {

class BuyCardHandlerTest : public MembercardTest {
 protected:
  // A failed step leaves the wallet, the issued cards and the purchases as they were.
  void expectFailedChangingNothing(const sdk::StepResult& r, const std::string& reason, sdk::Fen balance) {
    EXPECT_EQ(r.status, Status::Fail);
    EXPECT_EQ(r.reason, reason);
    EXPECT_EQ(h.ledger().balance_, balance);
    EXPECT_TRUE(h.ledger().entries.empty());
    EXPECT_TRUE(issued().empty());
    EXPECT_EQ(purchaseCount(), 0);
  }
};

const std::int64_t kStart = 1700000000000;

TEST_F(BuyCardHandlerTest, ValidateReturnsTheCardsPriceInFen) {
  const auto card = addCard("金卡", "99.90", 30);
  EXPECT_EQ(h.validate(10, buy(card)), 9990);
  EXPECT_EQ(h.validate(10, "{\"id\":\"" + std::to_string(card) + "\"}"), 9990);
  // The admin's price now, not an earlier one.
  replaceCard(card, "金卡", "0.01", 30, true);
  EXPECT_EQ(h.validate(10, buy(card)), 1);
  EXPECT_TRUE(issued().empty());
}

TEST_F(BuyCardHandlerTest, ValidateRefusesBadParamsNamingTheField) {
  addCard("金卡", "1", 30);
  EXPECT_EQ(refusal([&] { h.validate(10, "{}"); }), Refusal(300, "缺少参数 id"));
  EXPECT_EQ(refusal([&] { h.validate(10, R"({"id":0})"); }), Refusal(300, "参数 id 格式错误,应为正整数"));
  EXPECT_EQ(refusal([&] { h.validate(10, R"({"id":"abc"})"); }), Refusal(300, "参数 id 格式错误,应为整数"));
  EXPECT_EQ(refusal([&] { h.validate(10, R"({"id":true})"); }), Refusal(300, "参数 id 格式错误,应为整数"));
  EXPECT_EQ(refusal([&] { h.validate(10, R"({"id":1.5})"); }), Refusal(300, "参数 id 格式错误,应为整数"));
  EXPECT_TRUE(issued().empty());
}

TEST_F(BuyCardHandlerTest, ValidateRefusesUnknownOffSaleAndOtherFactoriesCards) {
  const auto card = addCard("金卡", "1", 30);
  EXPECT_EQ(refusal([&] { h.validate(10, buy(99)); }), Refusal(700, "会员卡 99 不存在"));
  h.setFactory(2);
  EXPECT_EQ(refusal([&] { h.validate(10, buy(card)); }), Refusal(700, "会员卡 1 不存在"));
  h.setFactory(1);
  replaceCard(card, "金卡", "1", 30, false);
  EXPECT_EQ(refusal([&] { h.validate(10, buy(card)); }), Refusal(300, "会员卡「金卡」已停售"));
  EXPECT_TRUE(issued().empty());
}

TEST_F(BuyCardHandlerTest, ExecuteIssuesACardWithARandomNumberForTheCardsDays) {
  const auto card = addCard("金卡", "99.90", 30);
  h.ledger().balance_ = 10000;
  const auto run = h.newPayment();
  const auto r = h.execute(10, buy(card), run);
  ASSERT_EQ(r.status, Status::Done) << r.reason;
  EXPECT_EQ(h.ledger().balance_, 10);
  ASSERT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(h.ledger().entries[0].reason, "购买会员卡");
  EXPECT_EQ(h.ledger().entries[0].reference, "membercard:" + run.key);
  EXPECT_EQ(issued(), std::vector<std::string>{"1/1/1/" + std::to_string(kStart + 30 * kDay)});
  const auto number = numbers().at(0);
  EXPECT_EQ(number.size(), 12u);
  EXPECT_EQ(number.find_first_not_of("0123456789"), std::string::npos);
  EXPECT_NE(number[0], '0');
  ASSERT_TRUE(r.result);
  EXPECT_EQ(r.result->getValue<std::string>("number"), number);
  EXPECT_EQ(r.result->getValue<std::string>("validUntil"), "2023-12-15 06:13:20");
  EXPECT_EQ(purchaseCount(), 1);
}

TEST_F(BuyCardHandlerTest, NumbersDifferBetweenUsersAndCards) {
  const auto gold = addCard("金卡", "1", 30), silver = addCard("银卡", "1", 30);
  for (std::int64_t user = 1; user <= 3; ++user) {
    h.setUser(user);
    h.ledger().balance_ = 1000;
    ASSERT_EQ(h.execute(10, buy(gold)).status, Status::Done);
    ASSERT_EQ(h.execute(10, buy(silver)).status, Status::Done);
  }
  auto all = numbers();
  ASSERT_EQ(all.size(), 6u);
  std::sort(all.begin(), all.end());
  EXPECT_EQ(std::unique(all.begin(), all.end()), all.end());
}

TEST_F(BuyCardHandlerTest, BuyingAgainWhileValidExtendsFromTheExpiryAndKeepsTheNumber) {
  const auto card = addCard("金卡", "10", 30);
  h.ledger().balance_ = 5000;
  ASSERT_EQ(h.execute(10, buy(card)).status, Status::Done);
  const auto number = numbers().at(0);
  h.clock().advance(10 * kDay);
  const auto r = h.execute(10, buy(card));
  ASSERT_EQ(r.status, Status::Done) << r.reason;
  EXPECT_EQ(issued(), std::vector<std::string>{"1/1/1/" + std::to_string(kStart + 60 * kDay)});
  EXPECT_EQ(numbers(), std::vector<std::string>{number});
  EXPECT_EQ(r.result->getValue<std::string>("number"), number);
  EXPECT_EQ(h.ledger().balance_, 3000);
  EXPECT_EQ(purchaseCount(), 2);
}

TEST_F(BuyCardHandlerTest, BuyingAgainAfterExpiryStartsFromNowAndKeepsTheNumber) {
  const auto card = addCard("金卡", "10", 30);
  h.ledger().balance_ = 5000;
  ASSERT_EQ(h.execute(10, buy(card)).status, Status::Done);
  const auto number = numbers().at(0);
  h.clock().advance(40 * kDay);
  ASSERT_EQ(h.execute(10, buy(card)).status, Status::Done);
  EXPECT_EQ(issued(), std::vector<std::string>{"1/1/1/" + std::to_string(kStart + 70 * kDay)});
  EXPECT_EQ(numbers(), std::vector<std::string>{number});
}

TEST_F(BuyCardHandlerTest, ExecuteTwiceForOneStepChangesNothing) {
  const auto card = addCard("金卡", "3", 30);
  h.ledger().balance_ = 1000;
  const auto run = h.newPayment();
  const auto first = h.execute(10, buy(card), run);
  ASSERT_EQ(first.status, Status::Done);
  h.clock().advance(kDay);
  const auto again = h.execute(10, buy(card), run);
  ASSERT_EQ(again.status, Status::Done) << again.reason;
  EXPECT_EQ(again.result->getValue<std::string>("number"), first.result->getValue<std::string>("number"));
  EXPECT_EQ(h.ledger().balance_, 700);
  EXPECT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(issued(), std::vector<std::string>{"1/1/1/" + std::to_string(kStart + 30 * kDay)});
  EXPECT_EQ(purchaseCount(), 1);
}

TEST_F(BuyCardHandlerTest, ExecuteFailsWhenTheCardWentOffSaleAndChangesNothing) {
  const auto card = addCard("金卡", "3", 30);
  replaceCard(card, "金卡", "3", 30, false);
  h.ledger().balance_ = 1000;
  expectFailedChangingNothing(h.execute(10, buy(card)), "会员卡「金卡」已停售", 1000);
}

TEST_F(BuyCardHandlerTest, ExecuteFailsWhenTheCardIsGoneOrOfAnotherFactory) {
  const auto card = addCard("金卡", "3", 30);
  h.ledger().balance_ = 1000;
  h.setFactory(2);
  expectFailedChangingNothing(h.execute(10, buy(card)), "会员卡 1 不存在", 1000);
}

TEST_F(BuyCardHandlerTest, ExecuteFailsWhenTheWalletIsShortAndChangesNothing) {
  const auto card = addCard("金卡", "12.50", 30);
  h.ledger().balance_ = 1249;
  expectFailedChangingNothing(h.execute(10, buy(card)), "余额不足,购买会员卡「金卡」需要 12.50 元", 1249);
}

TEST_F(BuyCardHandlerTest, ExecuteFailsOnBadParams) {
  expectFailedChangingNothing(h.execute(10, R"({"id":"x"})"), "参数 id 格式错误,应为整数", 0);
}

TEST_F(BuyCardHandlerTest, PostgresqlMigrationsRun) {
  if (!h.checkPostgresqlMigrations()) GTEST_SKIP() << "PAYNEXT_TEST_POSTGRESQL is not set";
}

}  // namespace
}  // namespace paynext::plugins::membercard::test
