#include "plugins/blindbox/publish_box_handler.h"

#include "blindbox_test_support.h"

namespace paynext::plugins::blindbox::test {
namespace {

class PublishBoxHandlerTest : public BlindboxTest {
 protected:
  void SetUp() override {
    setSettings("5.20", "1", 10, 30);
    box_ = createBox("wx:alice");
  }
  std::int64_t box_ = 0;
};

TEST_F(PublishBoxHandlerTest, ValidateAnswersTheBoxPriceFromTheSettings) {
  EXPECT_EQ(h.validate(22, publish(box_)), 520);
  // A numeric string is an integer too.
  EXPECT_EQ(h.validate(22, R"({"boxId":")" + std::to_string(box_) + R"("})"), 520);
}

TEST_F(PublishBoxHandlerTest, ValidateRefusesBadParamsNamingTheField) {
  EXPECT_EQ(refusal([&] { h.validate(22, "{}"); }), Refusal(300, "缺少参数 boxId"));
  EXPECT_EQ(refusal([&] { h.validate(22, R"({"boxId":"x"})"); }), Refusal(300, "参数 boxId 格式错误,应为整数"));
  EXPECT_EQ(refusal([&] { h.validate(22, R"({"boxId":0})"); }), Refusal(300, "参数 boxId 格式错误,应为正整数"));
}

TEST_F(PublishBoxHandlerTest, ValidateRefusesUnknownForeignAndOtherFactoriesBoxes) {
  EXPECT_EQ(refusal([&] { h.validate(22, publish(999)); }), Refusal(700, "盲盒 999 不存在"));
  h.setUser(2);
  EXPECT_EQ(refusal([&] { h.validate(22, publish(box_)); }), Refusal(700, "盲盒 " + std::to_string(box_) + " 不存在"));
  h.setUser(1);
  h.setFactory(2);
  EXPECT_EQ(refusal([&] { h.validate(22, publish(box_)); }), Refusal(700, "盲盒 " + std::to_string(box_) + " 不存在"));
}

TEST_F(PublishBoxHandlerTest, ExecutePublishesOnceAndDebitsThePrice) {
  h.ledger().balance_ = 1000;
  const auto run = h.newPayment();
  const auto r = h.execute(22, publish(box_), run);
  ASSERT_EQ(r.status, Status::Done) << r.reason;
  EXPECT_EQ(h.ledger().balance_, 480);
  ASSERT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(h.ledger().entries[0].reason, "投放交友盲盒");
  EXPECT_EQ(h.ledger().entries[0].reference, run.key);
  EXPECT_EQ(boxes(), std::vector<std::string>{"1/1/PUBLISHED/520/" + run.key});
  // The same step again changes nothing.
  EXPECT_EQ(h.execute(22, publish(box_), run).status, Status::Done);
  EXPECT_EQ(h.ledger().balance_, 480);
  EXPECT_EQ(boxes(), std::vector<std::string>{"1/1/PUBLISHED/520/" + run.key});
}

TEST_F(PublishBoxHandlerTest, ASecondPaymentForAPublishedBoxFailsAndKeepsItsMoney) {
  publishPaid(box_);
  const auto before = boxes();
  h.ledger().balance_ = 1000;
  const auto r = h.execute(22, publish(box_));
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "盲盒 " + std::to_string(box_) + " 已投放");
  EXPECT_EQ(h.ledger().balance_, 1000);
  EXPECT_EQ(boxes(), before);
  EXPECT_EQ(refusal([&] { h.validate(22, publish(box_)); }),
            Refusal(300, "盲盒 " + std::to_string(box_) + " 已投放"));
}

TEST_F(PublishBoxHandlerTest, ExecuteFailsWhenTheWalletFallsShort) {
  h.ledger().balance_ = 519;
  const auto r = h.execute(22, publish(box_));
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "余额不足,投放盲盒需要 5.20 元");
  EXPECT_EQ(h.ledger().balance_, 519);
  EXPECT_EQ(boxes(), std::vector<std::string>{"1/1/PENDING/0/"});
}

TEST_F(PublishBoxHandlerTest, AnExpiredBoxCannotBePaid) {
  h.clock().advance(30 * 60000);
  h.runJob("expire_boxes");
  const std::string expired = "盲盒 " + std::to_string(box_) + " 已过期未支付,请重新创建";
  EXPECT_EQ(refusal([&] { h.validate(22, publish(box_)); }), Refusal(300, expired));
  h.ledger().balance_ = 1000;
  const auto r = h.execute(22, publish(box_));
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, expired);
  EXPECT_EQ(h.ledger().balance_, 1000);
  EXPECT_EQ(boxes(), std::vector<std::string>{"1/1/EXPIRED/0/"});
}

TEST_F(PublishBoxHandlerTest, ABoxPastItsTimeIsExpiredBeforeTheJobRuns) {
  h.clock().advance(30 * 60000 - 1);
  EXPECT_EQ(h.validate(22, publish(box_)), 520);
  h.clock().advance(1);
  const std::string expired = "盲盒 " + std::to_string(box_) + " 已过期未支付,请重新创建";
  EXPECT_EQ(refusal([&] { h.validate(22, publish(box_)); }), Refusal(300, expired));
  h.ledger().balance_ = 1000;
  const auto r = h.execute(22, publish(box_));
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, expired);
  EXPECT_EQ(h.ledger().balance_, 1000);
  EXPECT_EQ(boxes(), std::vector<std::string>{"1/1/PENDING/0/"});
}

TEST_F(PublishBoxHandlerTest, PostgresqlMigrationsRun) {
  if (!h.checkPostgresqlMigrations()) GTEST_SKIP() << "PAYNEXT_TEST_POSTGRESQL is not set";
}

}  // namespace
}  // namespace paynext::plugins::blindbox::test
