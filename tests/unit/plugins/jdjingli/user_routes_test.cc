#include "plugins/jdjingli/user_routes.h"

#include "jdjingli_test_support.h"

namespace paynext::plugins::jdjingli::test {
namespace {

class UserRoutesTest : public JdjingliTest {
 protected:
  sdk::RouteResponse quote(const std::string& params) {
    return h.callAs(sdk::Audience::User, "GET", "/jdjingli/order", params);
  }
};

TEST_F(UserRoutesTest, QuoteAnswersTheOrderAndWhatIsDue) {
  const auto token = pushOrder("JD1001", "12.50");
  coupons->coupons[9908] = MemoryCoupons::Held{1, 500, 0, ""};
  auto r = quote(R"({"orderToken":")" + token + R"(","couponId":9908})");
  ASSERT_EQ(r.code, 0) << r.msg;
  const auto data = object(r);
  EXPECT_EQ(data->getValue<std::string>("orderNo"), "JD1001");
  EXPECT_DOUBLE_EQ(data->getValue<double>("amount"), 12.5);
  EXPECT_EQ(data->getArray("items")->getObject(0)->getValue<std::string>("name"), "京东E卡");
  EXPECT_EQ(data->getValue<std::string>("status"), "PENDING");
  EXPECT_EQ(data->getValue<std::string>("expiresAt"), "2023-11-15 06:43:20");
  EXPECT_EQ(data->getValue<std::int64_t>("couponId"), 9908);
  EXPECT_DOUBLE_EQ(data->getValue<double>("discount"), 5);
  EXPECT_DOUBLE_EQ(data->getValue<double>("due"), 7.5);
  // The same as validate answers.
  EXPECT_EQ(h.validate(8, pay(token, R"(,"couponId":9908)")), 750);
  r = quote(R"({"orderToken":")" + token + R"("})");
  EXPECT_DOUBLE_EQ(object(r)->getValue<double>("due"), 12.5);
}

TEST_F(UserRoutesTest, QuoteRefusesAsValidateDoes) {
  auto r = quote("{}");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "缺少参数 orderToken"));
  r = quote(R"({"orderToken":"nope"})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "京东京励订单不存在,请确认 token"));
  const auto token = pushOrder("JD1001");
  r = quote(R"({"orderToken":")" + token + R"(","couponId":77})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(20001, "优惠券 77 不存在"));
  h.clock().advance(30 * 60000);
  r = quote(R"({"orderToken":")" + token + R"("})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "京东京励订单 JD1001 已过期,请重新下单"));
  h.setUser(0);
  r = quote(R"({"orderToken":")" + token + R"("})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(2000, "请先登录"));
}

TEST_F(UserRoutesTest, MyOrdersListsThePaidOrdersOfTheUserOnly) {
  auto r = h.callAs(sdk::Audience::User, "GET", "/jdjingli/my/orders", "{}");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "暂无数据"));
  const auto a = pushOrder("JD1001"), b = pushOrder("JD1002", "1"), c = pushOrder("JD1003", "2");
  pushOrder("JD1004");  // pending: not listed
  jdAnswers(200);
  h.ledger().balance_ = 10000;
  ASSERT_EQ(h.execute(8, pay(a)).status, sdk::StepResult::Status::Done);
  ASSERT_EQ(h.execute(8, pay(b)).status, sdk::StepResult::Status::Done);
  h.setUser(2);
  h.ledger().balance_ = 10000;
  ASSERT_EQ(h.execute(8, pay(c)).status, sdk::StepResult::Status::Done);
  h.setUser(1);
  r = h.callAs(sdk::Audience::User, "GET", "/jdjingli/my/orders", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  const auto list = array(r);
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ(list->getObject(0)->getValue<std::string>("orderNo"), "JD1002");
  EXPECT_EQ(list->getObject(0)->getValue<std::string>("status"), "PAID");
  EXPECT_DOUBLE_EQ(list->getObject(0)->getValue<double>("paid"), 1);
  EXPECT_EQ(list->getObject(1)->getValue<std::string>("orderNo"), "JD1001");
  r = h.callAs(sdk::Audience::User, "GET", "/jdjingli/my/orders", R"({"page":2,"pageSize":1})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::string>("orderNo"), "JD1001");
  r = h.callAs(sdk::Audience::User, "GET", "/jdjingli/my/orders", R"({"pageSize":101})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "参数 pageSize 格式错误,应为1 到 100 之间的整数"));
}

}  // namespace
}  // namespace paynext::plugins::jdjingli::test
