#include "plugins/organizations/create_organization_handler.h"

#include "organizations_test_support.h"

namespace paynext::plugins::organizations::test {
namespace {

class CreateOrganizationHandlerTest : public OrganizationsTest {};

TEST_F(CreateOrganizationHandlerTest, ValidateReturnsTheItemsPriceInFen) {
  const auto item = addItem("10 人团队", 10, 30, "99.90");
  EXPECT_EQ(h.validate(16, createParams(item)), 9990);
  // Numbers as strings too, and the seed's relaxed params with a remark.
  EXPECT_EQ(h.validate(16, R"({"priceId":")" + std::to_string(item) + R"(","name":"组织名称","remark":"组织备注"})"),
            9990);
  // The price admins set, whatever the payment carries.
  EXPECT_EQ(h.validate(16, R"({"priceId":1,"name":"x","amount":0.01})"), 9990);
  setOnSale(item, "10 人团队", 10, 30, "50", true);
  EXPECT_EQ(h.validate(16, createParams(item)), 5000);
  EXPECT_TRUE(organizations().empty());
}

TEST_F(CreateOrganizationHandlerTest, ValidateRefusesBadParamsNamingTheField) {
  addItem("10 人团队", 10, 30, "1");
  EXPECT_EQ(refusal([&] { h.validate(16, R"({"name":"x"})"); }), Refusal(300, "缺少参数 priceId"));
  EXPECT_EQ(refusal([&] { h.validate(16, R"({"priceId":0,"name":"x"})"); }),
            Refusal(300, "参数 priceId 格式错误,应为正整数"));
  EXPECT_EQ(refusal([&] { h.validate(16, R"({"priceId":"abc","name":"x"})"); }),
            Refusal(300, "参数 priceId 格式错误,应为整数"));
  EXPECT_EQ(refusal([&] { h.validate(16, R"({"priceId":1})"); }), Refusal(300, "缺少参数 name"));
  EXPECT_EQ(refusal([&] { h.validate(16, R"({"priceId":1,"name":""})"); }), Refusal(300, "缺少参数 name"));
  EXPECT_EQ(refusal([&] { h.validate(16, R"({"priceId":1,"name":")" + std::string(65, 'a') + "\"}"); }),
            Refusal(300, "参数 name 不能超过 64 字节"));
  EXPECT_EQ(refusal([&] { h.validate(16, R"({"priceId":1,"name":"x","remark":")" + std::string(256, 'a') + "\"}"); }),
            Refusal(300, "参数 remark 不能超过 255 字节"));
  EXPECT_EQ(refusal([&] { h.validate(16, R"({"priceId":1,"name":"x","remark":{}})"); }),
            Refusal(300, "参数 remark 格式错误,应为字符串"));
  EXPECT_TRUE(organizations().empty());
}

TEST_F(CreateOrganizationHandlerTest, ValidateRefusesAMissingOrOffSaleItem) {
  const auto item = addItem("10 人团队", 10, 30, "1");
  EXPECT_EQ(refusal([&] { h.validate(16, createParams(99)); }), Refusal(700, "组织收费项 99 不存在"));
  setOnSale(item, "10 人团队", 10, 30, "1", false);
  EXPECT_EQ(refusal([&] { h.validate(16, createParams(item)); }), Refusal(300, "组织收费项 1 已下架"));
  // Another factory's item is not found.
  h.setFactory(2);
  EXPECT_EQ(refusal([&] { h.validate(16, createParams(item)); }), Refusal(700, "组织收费项 1 不存在"));
  EXPECT_TRUE(organizations().empty());
}

TEST_F(CreateOrganizationHandlerTest, ExecuteDebitsThePriceAndCreatesTheOrganizationWithItsOwner) {
  const auto item = addItem("10 人团队", 10, 30, "99.90");
  h.ledger().balance_ = 10000;
  h.clock().advance(60000);
  const auto run = h.newPayment();
  const auto r = h.execute(16, R"({"priceId":1,"name":"研发部","remark":"备注"})", run);
  ASSERT_EQ(r.status, Status::Done) << r.reason;
  EXPECT_EQ(h.ledger().balance_, 10);
  ASSERT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(h.ledger().entries[0].reason, "创建新组织");
  EXPECT_EQ(h.ledger().entries[0].reference, "organizations:" + run.key);
  const auto expires = h.clock().now + 30 * kDayMs;
  EXPECT_EQ(organizations(),
            std::vector<std::string>{"1/1/研发部/备注/" + std::to_string(item) + "/10/" + std::to_string(expires) +
                                     "/9990"});
  EXPECT_EQ(members(), std::vector<std::string>{"1/1/1"});
  EXPECT_EQ(r.result->getValue<Poco::Int64>("organizeId"), 1);
  EXPECT_EQ(r.result->getValue<Poco::Int64>("expiresAt"), expires);
}

TEST_F(CreateOrganizationHandlerTest, ExecuteTwiceForOneStepCreatesOnce) {
  addItem("10 人团队", 10, 30, "3");
  h.ledger().balance_ = 1000;
  const auto run = h.newPayment();
  ASSERT_EQ(h.execute(16, createParams(1), run).status, Status::Done);
  const auto again = h.execute(16, createParams(1), run);
  ASSERT_EQ(again.status, Status::Done) << again.reason;
  EXPECT_EQ(again.result->getValue<Poco::Int64>("organizeId"), 1);
  EXPECT_EQ(h.ledger().balance_, 700);
  EXPECT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(organizations().size(), 1u);
  EXPECT_EQ(members().size(), 1u);
  // Another payment creates another organization: names need not be unique.
  ASSERT_EQ(h.execute(16, createParams(1), h.newPayment()).status, Status::Done);
  EXPECT_EQ(organizations().size(), 2u);
}

TEST_F(CreateOrganizationHandlerTest, ExecuteFailsWhenTheWalletIsShortAndChangesNothing) {
  addItem("10 人团队", 10, 30, "12.50");
  h.ledger().balance_ = 1249;
  const auto r = h.execute(16, createParams(1));
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "余额不足,创建组织需要 12.50 元");
  EXPECT_EQ(h.ledger().balance_, 1249);
  EXPECT_TRUE(h.ledger().entries.empty());
  EXPECT_TRUE(organizations().empty());
  EXPECT_TRUE(members().empty());
}

TEST_F(CreateOrganizationHandlerTest, ExecuteFailsWhenTheItemWentOffSaleAndChangesNothing) {
  const auto item = addItem("10 人团队", 10, 30, "1");
  setOnSale(item, "10 人团队", 10, 30, "1", false);
  h.ledger().balance_ = 500;
  const auto r = h.execute(16, createParams(item));
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "组织收费项 1 已下架");
  EXPECT_EQ(h.ledger().balance_, 500);
  EXPECT_TRUE(organizations().empty());
}

TEST_F(CreateOrganizationHandlerTest, ExecuteFailsOnBadParams) {
  h.ledger().balance_ = 500;
  const auto r = h.execute(16, R"({"priceId":1})");
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "缺少参数 name");
  EXPECT_EQ(h.ledger().balance_, 500);
  EXPECT_TRUE(organizations().empty());
}

TEST_F(CreateOrganizationHandlerTest, PostgresqlMigrationsRun) {
  if (!h.checkPostgresqlMigrations()) GTEST_SKIP() << "PAYNEXT_TEST_POSTGRESQL is not set";
}

}  // namespace
}  // namespace paynext::plugins::organizations::test
