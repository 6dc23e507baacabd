#include "plugins/blindbox/buy_pulls_handler.h"

#include "blindbox_test_support.h"

namespace paynext::plugins::blindbox::test {
namespace {

class BuyPullsHandlerTest : public BlindboxTest {
 protected:
  void SetUp() override { setSettings("5", "0.99", 10, 30); }
};

TEST_F(BuyPullsHandlerTest, ValidateAnswersPullTimesTimesThePrice) {
  EXPECT_EQ(h.validate(21, pulls(3)), 297);
  EXPECT_EQ(h.validate(21, R"({"pullTimes":"10"})"), 990);
}

TEST_F(BuyPullsHandlerTest, ValidateRefusesBadPullTimesNamingTheField) {
  EXPECT_EQ(refusal([&] { h.validate(21, "{}"); }), Refusal(300, "缺少参数 pullTimes"));
  EXPECT_EQ(refusal([&] { h.validate(21, pulls(0)); }), Refusal(300, "参数 pullTimes 格式错误,应为正整数"));
  EXPECT_EQ(refusal([&] { h.validate(21, R"({"pullTimes":1.5})"); }), Refusal(300, "参数 pullTimes 格式错误,应为整数"));
  EXPECT_EQ(refusal([&] { h.validate(21, pulls(11)); }), Refusal(300, "参数 pullTimes 不能超过 10"));
}

TEST_F(BuyPullsHandlerTest, ExecuteAddsTheDrawsOnceAndDebitsThem) {
  h.ledger().balance_ = 1000;
  const auto run = h.newPayment();
  const auto r = h.execute(21, pulls(3), run);
  ASSERT_EQ(r.status, Status::Done) << r.reason;
  EXPECT_EQ(h.ledger().balance_, 703);
  ASSERT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(h.ledger().entries[0].reason, "购买交友盲盒抽取次数");
  EXPECT_EQ(h.ledger().entries[0].reference, run.key);
  EXPECT_EQ(pullsLeft(1), 3);
  // The same step again changes nothing; another one adds to the draws.
  EXPECT_EQ(h.execute(21, pulls(3), run).status, Status::Done);
  EXPECT_EQ(h.ledger().balance_, 703);
  EXPECT_EQ(pullsLeft(1), 3);
  ASSERT_EQ(h.execute(21, pulls(2)).status, Status::Done);
  EXPECT_EQ(pullsLeft(1), 5);
  EXPECT_EQ(count("blindbox_pull_purchases"), 2);
}

TEST_F(BuyPullsHandlerTest, ExecuteFailsWhenTheWalletFallsShortOrTheLimitShrank) {
  h.ledger().balance_ = 296;
  auto r = h.execute(21, pulls(3));
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "余额不足,购买盲盒抽取次数需要 2.97 元");
  setSettings("5", "0.99", 2, 30);
  r = h.execute(21, pulls(3));
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "参数 pullTimes 不能超过 2");
  EXPECT_EQ(h.ledger().balance_, 296);
  EXPECT_EQ(pullsLeft(1), 0);
  EXPECT_EQ(count("blindbox_pull_purchases"), 0);
}

}  // namespace
}  // namespace paynext::plugins::blindbox::test
