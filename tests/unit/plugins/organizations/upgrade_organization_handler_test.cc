#include "plugins/organizations/upgrade_organization_handler.h"

#include "organizations_test_support.h"

namespace paynext::plugins::organizations::test {
namespace {

class UpgradeOrganizationHandlerTest : public OrganizationsTest {
 protected:
  void SetUp() override {
    small_ = addItem("10 人团队", 10, 30, "10");
    large_ = addItem("50 人团队", 50, 365, "300");
    org_ = createOrganization(small_);
  }
  std::int64_t small_ = 0, large_ = 0, org_ = 0;
};

TEST_F(UpgradeOrganizationHandlerTest, ValidateReturnsTheLargerItemsFullPrice) {
  EXPECT_EQ(h.validate(17, upgradeParams(org_, large_)), 30000);
  EXPECT_EQ(h.validate(17, R"({"organizeId":"1","priceId":"2"})"), 30000);
}

TEST_F(UpgradeOrganizationHandlerTest, ValidateRefusesBadParamsNamingTheField) {
  EXPECT_EQ(refusal([&] { h.validate(17, R"({"priceId":2})"); }), Refusal(300, "缺少参数 organizeId"));
  EXPECT_EQ(refusal([&] { h.validate(17, R"({"organizeId":1})"); }), Refusal(300, "缺少参数 priceId"));
  EXPECT_EQ(refusal([&] { h.validate(17, R"({"organizeId":-1,"priceId":2})"); }),
            Refusal(300, "参数 organizeId 格式错误,应为正整数"));
  EXPECT_EQ(refusal([&] { h.validate(17, R"({"organizeId":1,"priceId":true})"); }),
            Refusal(300, "参数 priceId 格式错误,应为整数"));
}

TEST_F(UpgradeOrganizationHandlerTest, ValidateRefusesSayingWhich) {
  EXPECT_EQ(refusal([&] { h.validate(17, upgradeParams(99, large_)); }), Refusal(700, "组织 99 不存在"));
  EXPECT_EQ(refusal([&] { h.validate(17, upgradeParams(org_, 99)); }), Refusal(700, "组织收费项 99 不存在"));
  // The same size, and a smaller one.
  EXPECT_EQ(refusal([&] { h.validate(17, upgradeParams(org_, small_)); }),
            Refusal(300, "组织 1 已是 10 人规模,请选择更大的规模"));
  const auto tiny = addItem("5 人团队", 5, 30, "1");
  EXPECT_EQ(refusal([&] { h.validate(17, upgradeParams(org_, tiny)); }),
            Refusal(300, "组织收费项 3 的规模(5 人)小于组织 1 当前的 10 人,不能降级"));
  // Off sale.
  setOnSale(large_, "50 人团队", 50, 365, "300", false);
  EXPECT_EQ(refusal([&] { h.validate(17, upgradeParams(org_, large_)); }), Refusal(300, "组织收费项 2 已下架"));
  setOnSale(large_, "50 人团队", 50, 365, "300", true);
  // Someone else's organization.
  h.setUser(2);
  EXPECT_EQ(refusal([&] { h.validate(17, upgradeParams(org_, large_)); }),
            Refusal(300, "组织 1 不是您创建的组织,只有创建者可以升级"));
  // Another factory's.
  h.setUser(1);
  h.setFactory(2);
  EXPECT_EQ(refusal([&] { h.validate(17, upgradeParams(org_, large_)); }), Refusal(700, "组织 1 不存在"));
}

TEST_F(UpgradeOrganizationHandlerTest, ExecuteDebitsAndMovesTheOrganizationRestartingItsValidity) {
  h.ledger().balance_ = 40000;
  h.clock().advance(5 * kDayMs);
  const auto run = h.newPayment();
  const auto r = h.execute(17, upgradeParams(org_, large_), run);
  ASSERT_EQ(r.status, Status::Done) << r.reason;
  EXPECT_EQ(h.ledger().balance_, 10000);
  ASSERT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(h.ledger().entries[0].reason, "升级组织规模");
  EXPECT_EQ(h.ledger().entries[0].reference, "organizations:" + run.key);
  const auto expires = h.clock().now + 365 * kDayMs;
  EXPECT_EQ(organizations(), std::vector<std::string>{"1/1/研发部//2/50/" + std::to_string(expires) + "/1000"});
  EXPECT_EQ(r.result->getValue<Poco::Int64>("fromPriceId"), small_);
  EXPECT_EQ(r.result->getValue<Poco::Int64>("memberCap"), 50);
  EXPECT_EQ(upgradeCount(), 1);
}

TEST_F(UpgradeOrganizationHandlerTest, ExecuteTwiceForOneStepUpgradesOnce) {
  h.ledger().balance_ = 40000;
  const auto run = h.newPayment();
  ASSERT_EQ(h.execute(17, upgradeParams(org_, large_), run).status, Status::Done);
  const auto again = h.execute(17, upgradeParams(org_, large_), run);
  ASSERT_EQ(again.status, Status::Done) << again.reason;
  EXPECT_EQ(h.ledger().balance_, 10000);
  EXPECT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(upgradeCount(), 1);
}

TEST_F(UpgradeOrganizationHandlerTest, ASecondUpgradeToTheSameItemFailsAndKeepsTheMoney) {
  h.ledger().balance_ = 70000;
  ASSERT_EQ(h.execute(17, upgradeParams(org_, large_)).status, Status::Done);
  const auto before = organizations();
  const auto r = h.execute(17, upgradeParams(org_, large_));
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "组织 1 已是 50 人规模,请选择更大的规模");
  EXPECT_EQ(h.ledger().balance_, 40000);
  EXPECT_EQ(organizations(), before);
  EXPECT_EQ(upgradeCount(), 1);
}

TEST_F(UpgradeOrganizationHandlerTest, ExecuteFailsWhenTheWalletIsShortAndChangesNothing) {
  h.ledger().balance_ = 29999;
  const auto before = organizations();
  const auto r = h.execute(17, upgradeParams(org_, large_));
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "余额不足,升级组织规模需要 300.00 元");
  EXPECT_EQ(h.ledger().balance_, 29999);
  EXPECT_EQ(organizations(), before);
  EXPECT_EQ(upgradeCount(), 0);
}

TEST_F(UpgradeOrganizationHandlerTest, ExecuteFailsForSomeoneElsesOrganization) {
  h.setUser(2);
  h.ledger().balance_ = 40000;
  const auto before = organizations();
  const auto r = h.execute(17, upgradeParams(org_, large_));
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "组织 1 不是您创建的组织,只有创建者可以升级");
  EXPECT_EQ(h.ledger().balance_, 40000);
  EXPECT_EQ(organizations(), before);
}

}  // namespace
}  // namespace paynext::plugins::organizations::test
