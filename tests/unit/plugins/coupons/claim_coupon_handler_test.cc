#include "plugins/coupons/claim_coupon_handler.h"

#include "coupons_test_support.h"

namespace paynext::plugins::coupons::test {
namespace {

using Status = sdk::StepResult::Status;
constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;

class ClaimCouponHandlerTest : public CouponsTest {};

TEST_F(ClaimCouponHandlerTest, ValidateReturnsTheRulesPrice) {
  const auto free = addRule();
  const auto priced = addRule(std::string(kRuleBody) + R"(,"price":250)");
  EXPECT_EQ(h.validate(7, R"({"couponRuleId":)" + std::to_string(free) + "}"), 0);
  EXPECT_EQ(h.validate(7, R"({"couponRuleId":)" + std::to_string(priced) + "}"), 250);
  // Ids as numeric strings too, as mobile clients send them.
  EXPECT_EQ(h.validate(7, R"({"couponRuleId":")" + std::to_string(priced) + "\"}"), 250);
  EXPECT_TRUE(issued().empty());
  EXPECT_EQ(issuedOf(priced), 0);
}

TEST_F(ClaimCouponHandlerTest, ValidateRefusesBadParamsNamingTheField) {
  addRule();
  EXPECT_EQ(refusal([&] { h.validate(7, "{}"); }), Refusal(300, "缺少参数 couponRuleId"));
  EXPECT_EQ(refusal([&] { h.validate(7, R"({"couponRuleId":"abc"})"); }),
            Refusal(300, "参数 couponRuleId 格式错误,应为整数"));
  EXPECT_EQ(refusal([&] { h.validate(7, R"({"couponRuleId":0})"); }),
            Refusal(300, "参数 couponRuleId 格式错误,应为正整数"));
  EXPECT_EQ(refusal([&] { h.validate(7, R"({"couponRuleId":1,"pwd":{"a":1}})"); }),
            Refusal(300, "参数 pwd 格式错误,应为字符串"));
  EXPECT_TRUE(issued().empty());
}

TEST_F(ClaimCouponHandlerTest, ValidateRefusesWhatCannotBeClaimed) {
  const auto rule = addRule();
  EXPECT_EQ(refusal([&] { h.validate(7, R"({"couponRuleId":99})"); }), Refusal(20001, "优惠券规则 99 不存在"));
  // Another factory's rule is no rule here.
  h.setFactory(2);
  EXPECT_EQ(refusal([&] { h.validate(7, R"({"couponRuleId":1})"); }), Refusal(20001, "优惠券规则 1 不存在"));
  h.setFactory(1);

  const auto off = addRule(std::string(kRuleBody) + R"(,"enabled":false)");
  EXPECT_EQ(refusal([&] { h.validate(7, R"({"couponRuleId":)" + std::to_string(off) + "}"); }),
            Refusal(20004, "优惠券「满100减10」已停止发放"));
  const auto ended = addRule(R"("name":"双11","kind":"discount","rate":90,"dateEnd":"2023-11-11","stock":5)");
  EXPECT_EQ(refusal([&] { h.validate(7, R"({"couponRuleId":)" + std::to_string(ended) + "}"); }),
            Refusal(20003, "优惠券「双11」已过期"));
  const auto empty = addRule(R"("name":"无库存","kind":"reduce","money":1,"validDays":1,"stock":0)");
  EXPECT_EQ(refusal([&] { h.validate(7, R"({"couponRuleId":)" + std::to_string(empty) + "}"); }),
            Refusal(20001, "优惠券「无库存」已领完"));

  claim(rule);  // perUser defaults to 1
  EXPECT_EQ(refusal([&] { h.validate(7, R"({"couponRuleId":)" + std::to_string(rule) + "}"); }),
            Refusal(20002, "优惠券「满100减10」每人限领 1 张,您已领过"));
  EXPECT_EQ(issued().size(), 1u);
  EXPECT_EQ(issuedOf(rule), 1);
}

TEST_F(ClaimCouponHandlerTest, APasswordRuleNeedsItsPassword) {
  const auto rule = addRule(std::string(kRuleBody) + R"(,"pwd":"芝麻开门")");
  const std::string id = std::to_string(rule);
  EXPECT_EQ(refusal([&] { h.validate(7, R"({"couponRuleId":)" + id + "}"); }), Refusal(300, "缺少参数 pwd"));
  EXPECT_EQ(refusal([&] { h.validate(7, R"({"couponRuleId":)" + id + R"(,"pwd":""})"); }),
            Refusal(300, "缺少参数 pwd"));
  EXPECT_EQ(refusal([&] { h.validate(7, R"({"couponRuleId":)" + id + R"(,"pwd":"芝麻"})"); }),
            Refusal(300, "参数 pwd 口令不正确"));
  EXPECT_EQ(h.validate(7, R"({"couponRuleId":)" + id + R"(,"pwd":"芝麻开门"})"), 0);
  // A wrong password at execute fails the step too.
  const auto r = h.execute(7, R"({"couponRuleId":)" + id + R"(,"pwd":"x"})");
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "参数 pwd 口令不正确");
  EXPECT_TRUE(issued().empty());
  EXPECT_EQ(issuedOf(rule), 0);
}

TEST_F(ClaimCouponHandlerTest, ExecuteGrantsOneCouponAndDebitsThePrice) {
  const auto rule = addRule(std::string(kRuleBody) + R"(,"price":250)");
  h.ledger().balance_ = 1000;
  const auto run = h.newPayment();
  const auto r = h.execute(7, R"({"couponRuleId":)" + std::to_string(rule) + "}", run);
  ASSERT_EQ(r.status, Status::Done) << r.reason;
  EXPECT_EQ(r.result->getValue<Poco::Int64>("couponId"), 1);
  EXPECT_EQ(r.result->getValue<Poco::Int64>("couponRuleId"), rule);
  EXPECT_EQ(h.ledger().balance_, 750);
  ASSERT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(h.ledger().entries[0].amount, -250);
  EXPECT_EQ(h.ledger().entries[0].reason, "领取优惠券");
  EXPECT_EQ(h.ledger().entries[0].reference, "coupons:" + run.key);
  EXPECT_EQ(issued(), std::vector<std::string>{"1/1/1/USABLE/coupons:" + run.key + "/"});
  EXPECT_EQ(issuedOf(rule), 1);
  // validDays 7: from the grant, by the host's clock.
  using namespace Poco::Data::Keywords;
  Poco::Int64 startsAt = 0, expiresAt = 0;
  h.session() << "SELECT starts_at, expires_at FROM coupons_issued", into(startsAt), into(expiresAt), now;
  EXPECT_EQ(startsAt, h.clock().now);
  EXPECT_EQ(expiresAt, h.clock().now + 7 * kDayMs);
}

TEST_F(ClaimCouponHandlerTest, ADatedRulesCouponLastsItsDates) {
  const auto rule = addRule(R"("name":"年终","kind":"discount","rate":85,"dateStart":"2023-12-01",)"
                            R"("dateEnd":"2023-12-31","stock":1,"perUser":0)");
  claim(rule);
  using namespace Poco::Data::Keywords;
  Poco::Int64 startsAt = 0, expiresAt = 0;
  h.session() << "SELECT starts_at, expires_at FROM coupons_issued", into(startsAt), into(expiresAt), now;
  EXPECT_EQ(startsAt, 1701360000000);   // 2023-12-01 00:00:00 UTC+8
  EXPECT_EQ(expiresAt, 1704038399999);  // 2023-12-31 23:59:59.999 UTC+8
}

TEST_F(ClaimCouponHandlerTest, ExecuteTwiceForOneStepGrantsOnce) {
  const auto rule = addRule(std::string(kRuleBody) + R"(,"price":100)");
  h.ledger().balance_ = 1000;
  const auto run = h.newPayment();
  const std::string params = R"({"couponRuleId":)" + std::to_string(rule) + "}";
  ASSERT_EQ(h.execute(7, params, run).status, Status::Done);
  const auto again = h.execute(7, params, run);
  ASSERT_EQ(again.status, Status::Done) << again.reason;
  EXPECT_EQ(again.result->getValue<Poco::Int64>("couponId"), 1);
  EXPECT_EQ(h.ledger().balance_, 900);
  EXPECT_EQ(issued().size(), 1u);
  EXPECT_EQ(issuedOf(rule), 1);
}

TEST_F(ClaimCouponHandlerTest, ExecuteFailsWhenTheLastCouponWentMeanwhile) {
  const auto rule = addRule(R"("name":"限量","kind":"reduce","money":500,"validDays":3,"stock":1,"price":100)");
  const std::string params = R"({"couponRuleId":)" + std::to_string(rule) + "}";
  h.ledger().balance_ = 100;
  EXPECT_EQ(h.validate(7, params), 100);
  // Another user's step takes the last one before ours runs.
  h.setUser(2);
  h.ledger().balance_ = 100;
  claim(rule);
  h.setUser(1);
  const auto r = h.execute(7, params);
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "优惠券「限量」已领完");
  EXPECT_EQ(h.ledger().balance_, 100);
  EXPECT_TRUE(h.ledger().entries.empty());
  EXPECT_EQ(issued().size(), 1u);
  EXPECT_EQ(issuedOf(rule), 1);
}

TEST_F(ClaimCouponHandlerTest, ExecuteHoldsThePerUserLimit) {
  const auto rule = addRule(R"("name":"每人两张","kind":"reduce","money":100,"validDays":3,"stock":10,"perUser":2)");
  claim(rule);
  claim(rule);
  const auto r = h.execute(7, R"({"couponRuleId":)" + std::to_string(rule) + "}");
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "优惠券「每人两张」每人限领 2 张,您已领过");
  EXPECT_EQ(issued().size(), 2u);
  EXPECT_EQ(issuedOf(rule), 2);
  // Another user still may.
  h.setUser(2);
  claim(rule);
  EXPECT_EQ(issuedOf(rule), 3);
}

TEST_F(ClaimCouponHandlerTest, ExecuteFailsWhenTheWalletIsShortAndChangesNothing) {
  const auto rule = addRule(std::string(kRuleBody) + R"(,"price":250)");
  h.ledger().balance_ = 249;
  const auto r = h.execute(7, R"({"couponRuleId":)" + std::to_string(rule) + "}");
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "余额不足,领取优惠券「满100减10」需要 2.50 元");
  EXPECT_EQ(h.ledger().balance_, 249);
  EXPECT_TRUE(h.ledger().entries.empty());
  EXPECT_TRUE(issued().empty());
  EXPECT_EQ(issuedOf(rule), 0);  // the stock taken is rolled back with the step
}

TEST_F(ClaimCouponHandlerTest, ExecuteFailsWhenTheRuleChangedMeanwhile) {
  const auto rule = addRule();
  const std::string params = R"({"couponRuleId":)" + std::to_string(rule) + "}";
  EXPECT_EQ(h.validate(7, params), 0);
  ASSERT_EQ(h.callAs(sdk::Audience::Admin, "PUT", "/rules",
                     R"({"id":)" + std::to_string(rule) + "," + kRuleBody + R"(,"enabled":false})")
                .code,
            0);
  auto r = h.execute(7, params);
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "优惠券「满100减10」已停止发放");
  r = h.execute(7, R"({"couponRuleId":77})");
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "优惠券规则 77 不存在");
  r = h.execute(7, "{}");
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "缺少参数 couponRuleId");
  EXPECT_TRUE(issued().empty());
}

TEST_F(ClaimCouponHandlerTest, ModuleDeclaresTypeSevenAndTheService) {
  CouponsModule module;
  EXPECT_EQ(module.name(), "coupons");
  EXPECT_EQ(module.title(), "优惠券");
  const auto types = module.actionTypes();
  ASSERT_EQ(types.size(), 1u);
  EXPECT_EQ(types[0].code, 7);
  EXPECT_EQ(types[0].title, "领取指定的优惠券");
  ASSERT_EQ(types[0].params.size(), 2u);
  EXPECT_EQ(types[0].params[0].name, "couponRuleId");
  EXPECT_EQ(types[0].params[1].name, "pwd");
  const auto services = module.services();
  ASSERT_EQ(services.size(), 1u);
  EXPECT_EQ(services[0].name, "coupons");
  EXPECT_EQ(services[0].version, 1);
  EXPECT_NE(dynamic_cast<sdk::services::CouponsService*>(services[0].instance.get()), nullptr);
  int version = 0;
  for (const auto& m : module.migrations()) {
    EXPECT_EQ(m.version, ++version);
    EXPECT_FALSE(m.sqlite.empty());
    EXPECT_FALSE(m.postgresql.empty());
  }
}

TEST_F(ClaimCouponHandlerTest, PostgresqlMigrationsRun) {
  if (!h.checkPostgresqlMigrations()) GTEST_SKIP() << "PAYNEXT_TEST_POSTGRESQL is not set";
}

}  // namespace
}  // namespace paynext::plugins::coupons::test
