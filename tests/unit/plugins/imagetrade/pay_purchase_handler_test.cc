#include "plugins/imagetrade/pay_purchase_handler.h"

#include "imagetrade_test_support.h"

namespace paynext::plugins::imagetrade::test {
namespace {

class PayPurchaseHandlerTest : public ImageTradeTest {};

TEST_F(PayPurchaseHandlerTest, ValidateReturnsThePriceOnRecordNotThePayments) {
  const auto purchase = buy(publish("12.34"));
  EXPECT_EQ(h.validate(11, "{\"id\":" + std::to_string(purchase) + "}"), 1234);
  EXPECT_EQ(h.validate(11, "{\"id\":\"" + std::to_string(purchase) + "\"}"), 1234);  // a numeric string
  EXPECT_EQ(h.validate(11, "{\"id\":" + std::to_string(purchase) + ",\"money\":\"0.01\"}"), 1234);
}

TEST_F(PayPurchaseHandlerTest, ValidateRefusesBadParamsNamingTheField) {
  publish("1");
  EXPECT_EQ(refusal([&] { h.validate(11, "{}"); }), Refusal(300, "缺少参数 id"));
  EXPECT_EQ(refusal([&] { h.validate(11, R"({"id":"abc"})"); }), Refusal(300, "参数 id 格式错误,应为整数"));
  EXPECT_EQ(refusal([&] { h.validate(11, R"({"id":0})"); }), Refusal(300, "参数 id 格式错误,应为正整数"));
  EXPECT_EQ(refusal([&] { h.validate(11, R"({"id":true})"); }), Refusal(300, "参数 id 格式错误,应为整数"));
  EXPECT_EQ(refusal([&] { h.validate(11, R"({"id":99})"); }), Refusal(700, "图片交易购买记录 99 不存在"));
  EXPECT_EQ(images(), std::vector<std::string>{"1/2/日出/100/ON_SALE/0"});
  EXPECT_TRUE(purchases().empty());
  EXPECT_TRUE(h.ledger().entries.empty());
}

TEST_F(PayPurchaseHandlerTest, AnImageIdIsRefusedSayingToUseThePurchaseId) {
  publish("1");
  const auto image = publish("2");  // image 2; the buyer's only purchase is 1
  ASSERT_EQ(buy(image), 1);
  EXPECT_EQ(refusal([&] { h.validate(11, "{\"id\":" + std::to_string(image) + "}"); }),
            Refusal(300, "参数 id 应为图片交易购买记录的 id(由 /imagetrade/buy 返回),不是图片的 id"));
  EXPECT_EQ(purchases(), std::vector<std::string>{"1/2/1/2/200/0/UNPAID/"});
}

TEST_F(PayPurchaseHandlerTest, ValidateRefusesAnotherUsersOrFactorysPurchase) {
  const auto image = publish("1");
  buy(image, 3);
  const auto theirs = buy(image, 4);  // purchase 2: no image has that id
  h.setUser(kBuyer);
  EXPECT_EQ(refusal([&] { h.validate(11, "{\"id\":" + std::to_string(theirs) + "}"); }),
            Refusal(700, "图片交易购买记录 2 不存在"));
  const auto mine = buy(image);
  h.setFactory(2);
  EXPECT_EQ(refusal([&] { h.validate(11, "{\"id\":" + std::to_string(mine) + "}"); }),
            Refusal(700, "图片交易购买记录 " + std::to_string(mine) + " 不存在"));
}

TEST_F(PayPurchaseHandlerTest, ValidateRefusesWhatCannotBePaidNow) {
  const auto image = publish("5");
  const auto mine = buy(image);
  const auto theirs = buy(image, 3);
  h.ledger(3).balance_ = 500;
  h.setUser(3);
  ASSERT_EQ(h.execute(11, "{\"id\":" + std::to_string(theirs) + "}").status, Status::Done);
  h.setUser(kBuyer);
  EXPECT_EQ(refusal([&] { h.validate(11, "{\"id\":" + std::to_string(mine) + "}"); }),
            Refusal(300, "图片 " + std::to_string(image) + " 已售出"));
  h.setUser(3);
  EXPECT_EQ(refusal([&] { h.validate(11, "{\"id\":" + std::to_string(theirs) + "}"); }),
            Refusal(300, "图片交易购买记录 " + std::to_string(theirs) + " 已支付"));
  EXPECT_EQ(images(), std::vector<std::string>{"1/2/日出/500/SOLD/3"});
  EXPECT_EQ(h.ledger().balance_, 0);
  EXPECT_EQ(h.ledger(kSeller).balance_, 500);
}

TEST_F(PayPurchaseHandlerTest, ValidateRefusesAPriceOutsideTheBoundsSetSince) {
  const auto purchase = buy(publish("50"));
  saveSettings(R"({"minPrice":"1","maxPrice":"20","commissionPercent":10})");
  EXPECT_EQ(refusal([&] { h.validate(11, "{\"id\":" + std::to_string(purchase) + "}"); }),
            Refusal(300, "图片 1 的价格 50.00 元超出了允许的范围(价格应在 1.00 到 20.00 元之间)"));
  EXPECT_EQ(purchases(), std::vector<std::string>{"1/1/1/2/5000/0/UNPAID/"});
}

TEST_F(PayPurchaseHandlerTest, ExecuteSellsTheOriginalAndCreditsTheSellerLessCommissionRoundedDown) {
  saveSettings(R"({"minPrice":"0.01","maxPrice":"100","commissionPercent":5})");
  const auto image = publish("12.34");
  const auto purchase = buy(image);
  h.ledger().balance_ = 2000;
  const auto run = h.newPayment();
  const auto r = h.execute(11, "{\"id\":" + std::to_string(purchase) + "}", run);
  ASSERT_EQ(r.status, Status::Done) << r.reason;
  // 5% of 12.34 is 0.617: the platform takes 0.61, the seller 11.73.
  EXPECT_EQ(h.ledger().balance_, 766);
  EXPECT_EQ(h.ledger(kSeller).balance_, 1173);
  ASSERT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(h.ledger().entries[0].amount, -1234);
  EXPECT_EQ(h.ledger().entries[0].reason, "购买图片原图");
  EXPECT_EQ(h.ledger().entries[0].reference, "imagetrade:" + run.key);
  ASSERT_EQ(h.ledger(kSeller).entries.size(), 1u);
  EXPECT_EQ(h.ledger(kSeller).entries[0].amount, 1173);
  EXPECT_EQ(h.ledger(kSeller).entries[0].reason, "出售图片");
  EXPECT_EQ(h.ledger(kSeller).entries[0].reference, "imagetrade:" + run.key);
  EXPECT_EQ(images(), std::vector<std::string>{"1/2/日出/1234/SOLD/1"});
  EXPECT_EQ(purchases(), std::vector<std::string>{"1/1/1/2/1234/61/PAID/" + run.key});
  ASSERT_TRUE(r.result);
  EXPECT_DOUBLE_EQ(r.result->getValue<double>("sellerAmount"), 11.73);
  EXPECT_DOUBLE_EQ(r.result->getValue<double>("commission"), 0.61);
}

TEST_F(PayPurchaseHandlerTest, ARepeatedStepChangesNothing) {
  const auto purchase = buy(publish("3"));
  h.ledger().balance_ = 1000;
  const auto run = h.newPayment();
  const std::string params = "{\"id\":" + std::to_string(purchase) + "}";
  ASSERT_EQ(h.execute(11, params, run).status, Status::Done);
  const auto again = h.execute(11, params, run);
  ASSERT_EQ(again.status, Status::Done) << again.reason;
  EXPECT_EQ(h.ledger().balance_, 700);
  EXPECT_EQ(h.ledger(kSeller).balance_, 300);
  EXPECT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(h.ledger(kSeller).entries.size(), 1u);
  // Another payment's step for the same record fails: it was paid already.
  const auto other = h.execute(11, params);
  EXPECT_EQ(other.status, Status::Fail);
  EXPECT_EQ(other.reason, "图片交易购买记录 1 已支付");
  EXPECT_EQ(h.ledger().balance_, 700);
}

TEST_F(PayPurchaseHandlerTest, TheSecondBuyerFailsAndKeepsTheMoney) {
  const auto image = publish("4");
  const auto first = buy(image);
  const auto second = buy(image, 3);
  h.ledger(3).balance_ = 400;
  h.setUser(kBuyer);
  h.ledger().balance_ = 400;
  ASSERT_EQ(h.execute(11, "{\"id\":" + std::to_string(first) + "}").status, Status::Done);
  h.setUser(3);
  const auto r = h.execute(11, "{\"id\":" + std::to_string(second) + "}");
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "图片 1 已售出");
  EXPECT_EQ(h.ledger(3).balance_, 400);
  EXPECT_TRUE(h.ledger(3).entries.empty());
  EXPECT_EQ(h.ledger(kSeller).balance_, 400);
  EXPECT_EQ(purchases(), (std::vector<std::string>{"1/1/1/2/400/0/PAID/PNSTEP1-0", "1/1/3/2/400/0/UNPAID/"}));
}

TEST_F(PayPurchaseHandlerTest, AShortWalletFailsAndChangesNothing) {
  const auto purchase = buy(publish("4"));
  h.ledger().balance_ = 399;
  const auto r = h.execute(11, "{\"id\":" + std::to_string(purchase) + "}");
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "余额不足,无法支付图片 1 的 4.00 元");
  EXPECT_EQ(h.ledger().balance_, 399);
  EXPECT_TRUE(h.ledger(kSeller).entries.empty());
  EXPECT_EQ(images(), std::vector<std::string>{"1/2/日出/400/ON_SALE/0"});
  EXPECT_EQ(purchases(), std::vector<std::string>{"1/1/1/2/400/0/UNPAID/"});
}

TEST_F(PayPurchaseHandlerTest, AllCommissionCreditsTheSellerNothing) {
  saveSettings(R"({"minPrice":"0.01","maxPrice":"100","commissionPercent":100})");
  const auto purchase = buy(publish("0.99"));
  h.ledger().balance_ = 99;
  ASSERT_EQ(h.execute(11, "{\"id\":" + std::to_string(purchase) + "}").status, Status::Done);
  EXPECT_EQ(h.ledger().balance_, 0);
  EXPECT_TRUE(h.ledger(kSeller).entries.empty());
}

TEST_F(PayPurchaseHandlerTest, ExecuteFailsForAPurchaseOfAnotherUser) {
  const auto purchase = buy(publish("1"), 3);
  h.setUser(kBuyer);
  h.ledger().balance_ = 100;
  const auto r = h.execute(11, "{\"id\":" + std::to_string(purchase) + "}");
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(h.ledger().balance_, 100);
  EXPECT_EQ(purchases(), std::vector<std::string>{"1/1/3/2/100/0/UNPAID/"});
}

TEST_F(PayPurchaseHandlerTest, PostgresqlMigrationsRun) {
  if (!h.checkPostgresqlMigrations()) GTEST_SKIP() << "PAYNEXT_TEST_POSTGRESQL is not set";
}

}  // namespace
}  // namespace paynext::plugins::imagetrade::test
