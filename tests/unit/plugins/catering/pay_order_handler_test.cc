#include "plugins/catering/pay_order_handler.h"

#include "catering_test_support.h"

namespace paynext::plugins::catering::test {
namespace {

using Status = sdk::StepResult::Status;

class PayOrderHandlerTest : public CateringTest {
 protected:
  static std::string params(std::int64_t orderId, const std::string& coupons = "") {
    std::string p = "{\"orderId\":" + std::to_string(orderId);
    if (!coupons.empty()) p += ",\"couponId\":\"" + coupons + "\"";
    return p + "}";
  }
};

TEST_F(PayOrderHandlerTest, OrderIdsStartAt100000) {
  EXPECT_EQ(orderOf32(), 100000);
  h.setUser(2);
  EXPECT_EQ(openOrder("A1"), 100001);
}

TEST_F(PayOrderHandlerTest, ValidateReturnsTheDishesTotalInFen) {
  const auto id = orderOf32();
  EXPECT_EQ(h.validate(9, params(id)), 3200);
  EXPECT_EQ(h.validate(9, "{\"orderId\":\"" + std::to_string(id) + "\",\"couponId\":\"\"}"), 3200);
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/OPEN/0/0/0//"});
}

TEST_F(PayOrderHandlerTest, ValidateTakesOffTheCouponsEachOnWhatIsLeft) {
  const auto id = orderOf32();
  giveCoupon(1, 1000, 3000);  // 满30减10
  giveCoupon(2, 500, 2000);   // 满20减5: 22 left after the first
  giveCoupon(3, 500, 2500);   // 满25减5: only 22 left after the first
  EXPECT_EQ(h.validate(9, params(id, "1")), 2200);
  EXPECT_EQ(h.validate(9, params(id, "1,2")), 1700);
  EXPECT_EQ(h.validate(9, "{\"orderId\":" + std::to_string(id) + ",\"couponId\":2}"), 2700);
  EXPECT_EQ(refusal([&] { h.validate(9, params(id, "1,3")); }), Refusal(20004, "优惠券 3 需满 25.00 元可用"));
  // 满20减5 first leaves 27, enough for 满25减5.
  EXPECT_EQ(h.validate(9, params(id, "2,3")), 2200);
}

TEST_F(PayOrderHandlerTest, ValidateNeverGoesBelowZero) {
  const auto id = orderOf32();
  giveCoupon(1, 5000, 0);
  EXPECT_EQ(h.validate(9, params(id, "1")), 0);
}

TEST_F(PayOrderHandlerTest, ValidateRefusesBadParamsNamingTheField) {
  orderOf32();
  EXPECT_EQ(refusal([&] { h.validate(9, "{}"); }), Refusal(300, "缺少参数 orderId"));
  EXPECT_EQ(refusal([&] { h.validate(9, R"({"orderId":0})"); }), Refusal(300, "参数 orderId 格式错误,应为正整数"));
  EXPECT_EQ(refusal([&] { h.validate(9, R"({"orderId":"x1"})"); }), Refusal(300, "参数 orderId 格式错误,应为整数"));
  EXPECT_EQ(refusal([&] { h.validate(9, R"({"orderId":true})"); }), Refusal(300, "参数 orderId 格式错误,应为整数"));
  const Refusal longNumber{300, "参数 orderId 应为扫码点餐的待支付订单 id(一般为 6 位数字),不是很长的订单号"};
  EXPECT_EQ(refusal([&] { h.validate(9, R"({"orderId":"20240601120000123"})"); }), longNumber);
  EXPECT_EQ(refusal([&] { h.validate(9, R"({"orderId":20240601120000123})"); }), longNumber);
  EXPECT_EQ(refusal([&] { h.validate(9, R"({"orderId":"PN20240601120000a1b2c3d4"})"); }), longNumber);
  EXPECT_EQ(refusal([&] { h.validate(9, R"({"orderId":100000,"couponId":"1,x"})"); }),
            Refusal(300, "参数 couponId 格式错误,应为以英文逗号分隔的编号"));
  EXPECT_EQ(refusal([&] { h.validate(9, R"({"orderId":100000,"couponId":0})"); }),
            Refusal(300, "参数 couponId 格式错误,应为正整数"));
  EXPECT_EQ(refusal([&] { h.validate(9, R"({"orderId":100000,"couponId":"1,1"})"); }),
            Refusal(300, "参数 couponId 中优惠券 1 重复"));
  std::string many;
  for (int i = 1; i <= 21; ++i) many += (i > 1 ? "," : "") + std::to_string(i);
  EXPECT_EQ(refusal([&] { h.validate(9, R"({"orderId":100000,"couponId":")" + many + "\"}"); }),
            Refusal(300, "参数 couponId 最多包含 20 张优惠券"));
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/OPEN/0/0/0//"});
}

TEST_F(PayOrderHandlerTest, ValidateRefusesWhatIsNotTheCallersOrNotPayable) {
  const auto mine = orderOf32();
  EXPECT_EQ(refusal([&] { h.validate(9, params(999999)); }), Refusal(700, "点餐订单 999999 不存在"));
  // Another user's order is reported as missing.
  h.setUser(2);
  EXPECT_EQ(refusal([&] { h.validate(9, params(mine)); }), Refusal(700, "点餐订单 100000 不存在"));
  // An order without dishes.
  const auto empty = openOrder("A1");
  EXPECT_EQ(refusal([&] { h.validate(9, params(empty)); }), Refusal(300, "点餐订单 100001 还没有点菜"));
  // Another factory's order.
  h.setUser(1);
  h.setFactory(2);
  EXPECT_EQ(refusal([&] { h.validate(9, params(mine)); }), Refusal(700, "点餐订单 100000 不存在"));
  h.setFactory(1);
  // Someone else's coupon, through the service.
  giveCoupon(7, 100, 0, 2);
  EXPECT_EQ(refusal([&] { h.validate(9, params(mine, "7")); }), Refusal(20001, "优惠券 7 不存在"));
  // Paid already.
  h.ledger().balance_ = 3200;
  ASSERT_EQ(h.execute(9, params(mine)).status, Status::Done);
  EXPECT_EQ(refusal([&] { h.validate(9, params(mine)); }), Refusal(300, "点餐订单 100000 已支付,不能重复支付"));
}

TEST_F(PayOrderHandlerTest, WithoutCouponsTheCouponsModuleIsNotNeeded) {
  const auto id = orderOf32();
  h.services().setEnabled("coupons", 1, false);
  EXPECT_EQ(h.validate(9, params(id)), 3200);
  giveCoupon(1, 100, 0);
  EXPECT_EQ(refusal([&] { h.validate(9, params(id, "1")); }), Refusal(300, sdk::messages::moduleDisabled("优惠券")));
  h.ledger().balance_ = 5000;
  const auto r = h.execute(9, params(id, "1"));
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, sdk::messages::moduleDisabled("优惠券"));
  EXPECT_EQ(h.ledger().balance_, 5000);
  ASSERT_EQ(h.execute(9, params(id)).status, Status::Done);
  EXPECT_EQ(h.ledger().balance_, 1800);
}

TEST_F(PayOrderHandlerTest, ExecuteDebitsTheBillRedeemsTheCouponsAndMarksTheOrderPaid) {
  const auto id = orderOf32();
  giveCoupon(1, 1000, 3000);
  giveCoupon(2, 500, 2000);
  h.ledger().balance_ = 2000;
  h.clock().advance(60000);
  const auto run = h.newPayment();
  const auto r = h.execute(9, params(id, "1,2"), run);
  ASSERT_EQ(r.status, Status::Done) << r.reason;
  EXPECT_EQ(h.ledger().balance_, 300);
  ASSERT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(h.ledger().entries[0].reason, "扫码点餐买单");
  EXPECT_EQ(h.ledger().entries[0].reference, "catering:100000");
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/PAID/3200/1500/1700/1,2/" + run.key});
  EXPECT_EQ(coupons->coupons[1].usedBy, "catering:" + run.key);
  EXPECT_EQ(coupons->coupons[2].usedBy, "catering:" + run.key);
  ASSERT_TRUE(r.result);
  EXPECT_EQ(r.result->getValue<Poco::Int64>("orderId"), 100000);
  EXPECT_DOUBLE_EQ(r.result->getValue<double>("paid"), 17);
  // Stamped with the host's clock.
  const auto order = h.callAs(sdk::Audience::User, "GET", "/catering/order", "{\"id\":100000}");
  ASSERT_EQ(order.code, 0) << order.msg;
  EXPECT_EQ(object(order)->getValue<Poco::Int64>("paidAt"), h.clock().now);
  EXPECT_EQ(object(order)->getValue<std::string>("status"), "PAID");
}

TEST_F(PayOrderHandlerTest, ExecuteWithCouponsCoveringAllDebitsNothing) {
  const auto id = orderOf32();
  giveCoupon(1, 5000, 0);
  const auto run = h.newPayment();
  ASSERT_EQ(h.execute(9, params(id, "1"), run).status, Status::Done);
  EXPECT_TRUE(h.ledger().entries.empty());
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/PAID/3200/3200/0/1/" + run.key});
}

TEST_F(PayOrderHandlerTest, ExecuteTwiceForOneStepPaysOnce) {
  const auto id = orderOf32();
  giveCoupon(1, 200, 0);
  h.ledger().balance_ = 5000;
  const auto run = h.newPayment();
  ASSERT_EQ(h.execute(9, params(id, "1"), run).status, Status::Done);
  const auto again = h.execute(9, params(id, "1"), run);
  ASSERT_EQ(again.status, Status::Done) << again.reason;
  EXPECT_EQ(h.ledger().balance_, 2000);
  EXPECT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(coupons->redemptions.size(), 1u);
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/PAID/3200/200/3000/1/" + run.key});
}

TEST_F(PayOrderHandlerTest, ExecuteFailsCleanlyWhenAnotherPaymentPaidItMeanwhile) {
  const auto id = orderOf32();
  h.ledger().balance_ = 7000;
  const auto first = h.newPayment();
  ASSERT_EQ(h.execute(9, params(id), first).status, Status::Done);
  const auto r = h.execute(9, params(id), h.newPayment());
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "点餐订单 100000 已支付,不能重复支付");
  // The second payment's money stays in the wallet.
  EXPECT_EQ(h.ledger().balance_, 3800);
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/PAID/3200/0/3200//" + first.key});
}

TEST_F(PayOrderHandlerTest, ExecuteFailsCleanlyWhenACouponWasUsedMeanwhile) {
  const auto id = orderOf32();
  giveCoupon(1, 1000, 0);
  h.ledger().balance_ = 5000;
  coupons->coupons[1].usedBy = "elsewhere";
  const auto r = h.execute(9, params(id, "1"));
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "优惠券 1 已使用");
  EXPECT_EQ(h.ledger().balance_, 5000);
  EXPECT_TRUE(h.ledger().entries.empty());
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/OPEN/0/0/0//"});
}

TEST_F(PayOrderHandlerTest, ExecuteFailsWhenTheWalletIsShortAndChangesNothing) {
  const auto id = orderOf32();
  h.ledger().balance_ = 3199;
  const auto r = h.execute(9, params(id));
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "余额不足,支付点餐订单需要 32.00 元");
  EXPECT_EQ(h.ledger().balance_, 3199);
  EXPECT_TRUE(h.ledger().entries.empty());
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/OPEN/0/0/0//"});
}

TEST_F(PayOrderHandlerTest, ExecuteFailsOnBadParams) {
  const auto r = h.execute(9, R"({"orderId":"x"})");
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "参数 orderId 格式错误,应为整数");
}

TEST_F(PayOrderHandlerTest, PostgresqlMigrationsRun) {
  if (!h.checkPostgresqlMigrations()) GTEST_SKIP() << "PAYNEXT_TEST_POSTGRESQL is not set";
}

}  // namespace
}  // namespace paynext::plugins::catering::test
