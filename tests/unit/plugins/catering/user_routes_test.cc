#include "plugins/catering/user_routes.h"

#include "catering_test_support.h"

namespace paynext::plugins::catering::test {
namespace {

class UserRoutesTest : public CateringTest {};

TEST_F(UserRoutesTest, MenuListsDishesOnSale) {
  EXPECT_EQ(h.callAs(sdk::Audience::User, "GET", "/catering/menu", "{}").code, 700);
  addDish("宫保鸡丁", "28");
  addDish("时令蔬菜", "12.5", false);
  addDish("米饭", "2");
  const auto r = h.callAs(sdk::Audience::User, "GET", "/catering/menu", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 2u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::string>("name"), "宫保鸡丁");
  EXPECT_DOUBLE_EQ(array(r)->getObject(0)->getValue<double>("price"), 28);
  const auto page = h.callAs(sdk::Audience::User, "GET", "/catering/menu", R"({"page":2,"pageSize":1})");
  ASSERT_EQ(page.code, 0);
  EXPECT_EQ(array(page)->getObject(0)->getValue<std::string>("name"), "米饭");
  EXPECT_EQ(h.callAs(sdk::Audience::User, "GET", "/catering/menu", R"({"pageSize":101})").msg,
            "参数 pageSize 格式错误,应为1 到 100 之间的整数");
}

TEST_F(UserRoutesTest, ScanningATableOpensOneOrderThere) {
  addTable("一号桌", "A1");
  addTable("二号桌", "B2");
  const auto r = h.callAs(sdk::Audience::User, "POST", "/catering/order/open", R"({"code":"A1"})");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r)->getValue<Poco::Int64>("id"), 100000);
  EXPECT_EQ(object(r)->getValue<std::string>("tableName"), "一号桌");
  EXPECT_EQ(object(r)->getValue<std::string>("status"), "OPEN");
  EXPECT_EQ(object(r)->getArray("lines")->size(), 0u);
  // Scanning again answers the same order; another table or user gets its own.
  EXPECT_EQ(openOrder("A1"), 100000);
  EXPECT_EQ(openOrder("B2"), 100001);
  h.setUser(2);
  EXPECT_EQ(openOrder("A1"), 100002);
  EXPECT_EQ(count("catering_orders"), 3);
}

TEST_F(UserRoutesTest, OpeningRefusesAnUnknownCodeAndStoresNothing) {
  addTable("一号桌", "A1");
  auto r = h.callAs(sdk::Audience::User, "POST", "/catering/order/open", R"({"code":"Z9"})");
  EXPECT_EQ(r.code, 700);
  EXPECT_EQ(r.msg, "餐桌码 Z9 不存在,请重新扫码");
  r = h.callAs(sdk::Audience::User, "POST", "/catering/order/open", "{}");
  EXPECT_EQ(r.msg, "缺少参数 code");
  r = h.callAs(sdk::Audience::User, "POST", "/catering/order/open", R"({"code":")" + std::string(65, 'x') + "\"}");
  EXPECT_EQ(r.msg, "参数 code 不能超过 64 字节");
  // Another factory's table.
  h.setFactory(2);
  EXPECT_EQ(h.callAs(sdk::Audience::User, "POST", "/catering/order/open", R"({"code":"A1"})").code, 700);
  h.setUser(0);
  EXPECT_EQ(h.callAs(sdk::Audience::User, "POST", "/catering/order/open", R"({"code":"A1"})").code, 2000);
  EXPECT_EQ(count("catering_orders"), 0);
}

TEST_F(UserRoutesTest, AddingDishesSumsQuantitiesAtTheDishesPrices) {
  const auto id = orderOf32();
  const auto r = add(id, chicken_, 2);
  ASSERT_EQ(r.code, 0) << r.msg;
  const auto order = object(r);
  EXPECT_DOUBLE_EQ(order->getValue<double>("total"), 88);
  ASSERT_EQ(order->getArray("lines")->size(), 2u);
  EXPECT_EQ(order->getArray("lines")->getObject(0)->getValue<int>("quantity"), 3);
  EXPECT_EQ(order->getArray("lines")->getObject(1)->getValue<std::string>("name"), "米饭");
  // A dish keeps the price it was ordered at.
  ASSERT_EQ(h.callAs(sdk::Audience::Admin, "PUT", "/dishes", "{\"id\":" + std::to_string(rice_) +
                                                                 R"(,"name":"米饭","price":"3"})").code,
            0);
  EXPECT_EQ(h.validate(9, "{\"orderId\":" + std::to_string(id) + "}"), 8800);
}

TEST_F(UserRoutesTest, AddingRefusesWhatCannotBeOrderedAndChangesNothing) {
  const auto id = orderOf32();
  const auto off = addDish("时令蔬菜", "12", false);
  const std::vector<std::tuple<std::string, int, std::string>> cases = {
      {"{\"dishId\":1}", 300, "缺少参数 orderId"},
      {"{\"orderId\":100000}", 300, "缺少参数 dishId"},
      {"{\"orderId\":100000,\"dishId\":1,\"quantity\":0}", 300, "参数 quantity 格式错误,应为1 到 99 之间的整数"},
      {"{\"orderId\":100000,\"dishId\":1,\"quantity\":100}", 300, "参数 quantity 格式错误,应为1 到 99 之间的整数"},
      {"{\"orderId\":100000,\"dishId\":99}", 700, "菜品 99 不存在"},
      {"{\"orderId\":100000,\"dishId\":" + std::to_string(off) + "}", 300, "菜品「时令蔬菜」已售罄"},
      {"{\"orderId\":123456,\"dishId\":1}", 700, "点餐订单 123456 不存在"},
  };
  for (const auto& [body, code, msg] : cases) {
    const auto r = h.callAs(sdk::Audience::User, "POST", "/catering/order/add", body);
    EXPECT_EQ(r.code, code) << body;
    EXPECT_EQ(r.msg, msg) << body;
  }
  for (int i = 0; i < 10; ++i) ASSERT_EQ(add(id, chicken_, 99).code, 0);
  EXPECT_EQ(add(id, chicken_, 10).msg, "菜品「宫保鸡丁」一单最多点 999 份");
  // Another user's order is answered as missing.
  h.setUser(2);
  EXPECT_EQ(add(id, chicken_, 1).msg, "点餐订单 100000 不存在");
  h.setUser(1);
  // A paid order takes no more dishes.
  h.ledger().balance_ = 10000000;
  ASSERT_EQ(h.execute(9, "{\"orderId\":100000}").status, sdk::StepResult::Status::Done);
  EXPECT_EQ(add(id, rice_, 1).msg, "点餐订单 100000 已支付,不能再加菜");
  const auto order = h.callAs(sdk::Audience::User, "GET", "/catering/order", "{\"id\":100000}");
  EXPECT_EQ(object(order)->getArray("lines")->getObject(0)->getValue<int>("quantity"), 991);
  EXPECT_EQ(object(order)->getArray("lines")->getObject(1)->getValue<int>("quantity"), 2);
  EXPECT_EQ(count("catering_order_lines"), 2);
}

TEST_F(UserRoutesTest, OrderAndOrdersShowOnlyTheCallersOwn) {
  const auto id = orderOf32();
  auto r = h.callAs(sdk::Audience::User, "GET", "/catering/order", "{\"id\":" + std::to_string(id) + "}");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_DOUBLE_EQ(object(r)->getValue<double>("total"), 32);
  EXPECT_EQ(h.callAs(sdk::Audience::User, "GET", "/catering/order", "{}").msg, "缺少参数 id");
  r = h.callAs(sdk::Audience::User, "GET", "/catering/orders", "{}");
  ASSERT_EQ(r.code, 0);
  EXPECT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(h.callAs(sdk::Audience::User, "GET", "/catering/orders", R"({"status":"PAID"})").code, 700);
  EXPECT_EQ(h.callAs(sdk::Audience::User, "GET", "/catering/orders", R"({"status":"X"})").msg,
            "参数 status 格式错误,应为OPEN 或 PAID");
  h.setUser(2);
  r = h.callAs(sdk::Audience::User, "GET", "/catering/order", "{\"id\":" + std::to_string(id) + "}");
  EXPECT_EQ(r.code, 700);
  EXPECT_EQ(r.msg, "点餐订单 100000 不存在");
  EXPECT_EQ(h.callAs(sdk::Audience::User, "GET", "/catering/orders", "{}").code, 700);
}

TEST_F(UserRoutesTest, QuoteAnswersWhatThePaymentWillNeed) {
  const auto id = orderOf32();
  giveCoupon(1, 1000, 3000);
  giveCoupon(2, 500, 2000);
  auto r = h.callAs(sdk::Audience::User, "GET", "/catering/quote",
                    "{\"orderId\":" + std::to_string(id) + ",\"couponId\":\"1,2\"}");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_DOUBLE_EQ(object(r)->getValue<double>("total"), 32);
  EXPECT_DOUBLE_EQ(object(r)->getValue<double>("discount"), 15);
  EXPECT_DOUBLE_EQ(object(r)->getValue<double>("due"), 17);
  EXPECT_EQ(object(r)->getValue<std::string>("couponIds"), "1,2");
  r = h.callAs(sdk::Audience::User, "GET", "/catering/quote", "{\"orderId\":" + std::to_string(id) + "}");
  EXPECT_DOUBLE_EQ(object(r)->getValue<double>("due"), 32);
  r = h.callAs(sdk::Audience::User, "GET", "/catering/quote", R"({"orderId":"20240601120000123"})");
  EXPECT_EQ(r.msg, "参数 orderId 应为扫码点餐的待支付订单 id(一般为 6 位数字),不是很长的订单号");
  giveCoupon(3, 100, 0, 2);
  r = h.callAs(sdk::Audience::User, "GET", "/catering/quote", "{\"orderId\":100000,\"couponId\":3}");
  EXPECT_EQ(r.code, 20001);
  EXPECT_EQ(r.msg, "优惠券 3 不存在");
  // Quoting redeems nothing.
  EXPECT_TRUE(coupons->redemptions.empty());
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/OPEN/0/0/0//"});
}

}  // namespace
}  // namespace paynext::plugins::catering::test
