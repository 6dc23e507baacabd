#include "plugins/episodes/unlock_episode_handler.h"

#include "episodes_test_support.h"

namespace paynext::plugins::episodes::test {
namespace {

using Status = sdk::StepResult::Status;

class UnlockEpisodeHandlerTest : public EpisodesTest {};

TEST_F(UnlockEpisodeHandlerTest, ValidateReturnsThePricePerEpisodeInFen) {
  const auto goods = addGoods("剧A", "1.50", 10, 2);
  EXPECT_EQ(h.validate(18, step(goods, 3)), 150);
  EXPECT_EQ(h.validate(18, R"({"goodsId":")" + std::to_string(goods) + R"(","number":"10"})"), 150);
  EXPECT_TRUE(rows().empty());
}

TEST_F(UnlockEpisodeHandlerTest, ValidateFollowsThePriceAdminsSet) {
  const auto goods = addGoods("剧A", "1.50", 10, 2);
  replaceGoods(goods, "剧A", "0.99", 10, 2, true);
  EXPECT_EQ(h.validate(18, step(goods, 3)), 99);
}

TEST_F(UnlockEpisodeHandlerTest, ValidateRefusesBadParamsNamingTheField) {
  addGoods("剧A", "1", 3, 0);
  EXPECT_EQ(refusal([&] { h.validate(18, R"({"number":1})"); }), Refusal(300, "缺少参数 goodsId"));
  EXPECT_EQ(refusal([&] { h.validate(18, R"({"goodsId":1})"); }), Refusal(300, "缺少参数 number"));
  EXPECT_EQ(refusal([&] { h.validate(18, R"({"goodsId":"x","number":1})"); }),
            Refusal(300, "参数 goodsId 格式错误,应为整数"));
  EXPECT_EQ(refusal([&] { h.validate(18, R"({"goodsId":1,"number":0})"); }),
            Refusal(300, "参数 number 格式错误,应为正整数"));
  EXPECT_EQ(refusal([&] { h.validate(18, R"({"goodsId":1,"number":1.5})"); }),
            Refusal(300, "参数 number 格式错误,应为整数"));
  EXPECT_EQ(refusal([&] { h.validate(18, R"({"goodsId":1,"number":true})"); }),
            Refusal(300, "参数 number 格式错误,应为整数"));
  EXPECT_TRUE(rows().empty());
}

TEST_F(UnlockEpisodeHandlerTest, ValidateRefusesWhatCannotBeBoughtSayingWhich) {
  const auto goods = addGoods("剧A", "1", 5, 2);
  EXPECT_EQ(refusal([&] { h.validate(18, step(99, 3)); }), Refusal(700, "视频剧集商品 99 不存在"));
  EXPECT_EQ(refusal([&] { h.validate(18, step(goods, 6)); }), Refusal(300, "视频剧集商品「剧A」共 5 集,没有第 6 集"));
  EXPECT_EQ(refusal([&] { h.validate(18, step(goods, 2)); }), Refusal(300, "「剧A」第 2 集免费观看,无需购买"));
  // Another factory's goods is missing here.
  h.setFactory(2);
  EXPECT_EQ(refusal([&] { h.validate(18, step(goods, 3)); }), Refusal(700, "视频剧集商品 1 不存在"));
  h.setFactory(1);
  replaceGoods(goods, "剧A", "1", 5, 2, false);
  EXPECT_EQ(refusal([&] { h.validate(18, step(goods, 3)); }), Refusal(300, "视频剧集商品「剧A」已下架"));
  replaceGoods(goods, "剧A", "1", 5, 2, true);
  h.ledger().balance_ = 100;
  ASSERT_EQ(h.execute(18, step(goods, 3)).status, Status::Done);
  EXPECT_EQ(refusal([&] { h.validate(18, step(goods, 3)); }), Refusal(300, "「剧A」第 3 集已解锁,不能重复购买"));
  // Unlocked for that user only.
  h.setUser(2);
  EXPECT_EQ(h.validate(18, step(goods, 3)), 100);
  EXPECT_EQ(rows().size(), 1u);
}

TEST_F(UnlockEpisodeHandlerTest, ExecuteDebitsThePriceAndUnlocksTheEpisode) {
  const auto goods = addGoods("剧A", "1.50", 10, 2);
  h.ledger().balance_ = 500;
  const auto run = h.newPayment();
  const auto r = h.execute(18, step(goods, 3), run);
  ASSERT_EQ(r.status, Status::Done) << r.reason;
  EXPECT_EQ(h.ledger().balance_, 350);
  ASSERT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(h.ledger().entries[0].reason, "解锁视频剧集");
  EXPECT_EQ(h.ledger().entries[0].reference, "episodes:" + run.key);
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/1/3/150/" + run.key});
  ASSERT_TRUE(r.result);
  EXPECT_EQ(r.result->getValue<Poco::Int64>("number"), 3);
  EXPECT_DOUBLE_EQ(r.result->getValue<double>("amount"), 1.5);
}

TEST_F(UnlockEpisodeHandlerTest, ExecuteTwiceForOneStepUnlocksAndChargesOnce) {
  const auto goods = addGoods("剧A", "2", 5, 0);
  h.ledger().balance_ = 1000;
  const auto run = h.newPayment();
  ASSERT_EQ(h.execute(18, step(goods, 1), run).status, Status::Done);
  const auto again = h.execute(18, step(goods, 1), run);
  ASSERT_EQ(again.status, Status::Done) << again.reason;
  EXPECT_EQ(h.ledger().balance_, 800);
  EXPECT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/1/1/200/" + run.key});
}

TEST_F(UnlockEpisodeHandlerTest, ASecondPaymentForTheSameEpisodeFailsCleanly) {
  const auto goods = addGoods("剧A", "2", 5, 0);
  h.ledger().balance_ = 1000;
  const auto first = h.newPayment();
  ASSERT_EQ(h.execute(18, step(goods, 4), first).status, Status::Done);
  const auto r = h.execute(18, step(goods, 4), h.newPayment());
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "「剧A」第 4 集已解锁,不能重复购买");
  EXPECT_EQ(h.ledger().balance_, 800);
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/1/4/200/" + first.key});
}

TEST_F(UnlockEpisodeHandlerTest, ExecuteFailsWhenTheWalletIsShortAndChangesNothing) {
  const auto goods = addGoods("剧A", "2", 5, 0);
  h.ledger().balance_ = 199;
  const auto r = h.execute(18, step(goods, 2));
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "余额不足,解锁「剧A」第 2 集需要 2.00 元");
  EXPECT_EQ(h.ledger().balance_, 199);
  EXPECT_TRUE(h.ledger().entries.empty());
  EXPECT_TRUE(rows().empty());
}

TEST_F(UnlockEpisodeHandlerTest, ExecuteFailsWhenTheGoodsChangedMeanwhileAndChangesNothing) {
  const auto goods = addGoods("剧A", "2", 5, 1);
  h.ledger().balance_ = 1000;
  ASSERT_EQ(h.validate(18, step(goods, 2)), 200);
  replaceGoods(goods, "剧A", "2", 5, 1, false);
  auto r = h.execute(18, step(goods, 2));
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "视频剧集商品「剧A」已下架");
  // Made free, or cut short, meanwhile.
  replaceGoods(goods, "剧A", "2", 5, 2, true);
  r = h.execute(18, step(goods, 2));
  EXPECT_EQ(r.reason, "「剧A」第 2 集免费观看,无需购买");
  replaceGoods(goods, "剧A", "2", 1, 0, true);
  r = h.execute(18, step(goods, 2));
  EXPECT_EQ(r.reason, "视频剧集商品「剧A」共 1 集,没有第 2 集");
  EXPECT_EQ(h.ledger().balance_, 1000);
  EXPECT_TRUE(rows().empty());
}

TEST_F(UnlockEpisodeHandlerTest, ExecuteChargesThePriceAtExecutionTime) {
  const auto goods = addGoods("剧A", "2", 5, 0);
  h.ledger().balance_ = 1000;
  replaceGoods(goods, "剧A", "0.50", 5, 0, true);
  ASSERT_EQ(h.execute(18, step(goods, 5)).status, Status::Done);
  EXPECT_EQ(h.ledger().balance_, 950);
}

TEST_F(UnlockEpisodeHandlerTest, ExecuteFailsOnBadParams) {
  const auto r = h.execute(18, R"({"goodsId":1})");
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "缺少参数 number");
  EXPECT_TRUE(rows().empty());
}

TEST_F(UnlockEpisodeHandlerTest, PostgresqlMigrationsRun) {
  if (!h.checkPostgresqlMigrations()) GTEST_SKIP() << "PAYNEXT_TEST_POSTGRESQL is not set";
}

}  // namespace
}  // namespace paynext::plugins::episodes::test
