#include "plugins/catering/admin_routes.h"

#include "catering_test_support.h"

namespace paynext::plugins::catering::test {
namespace {

class AdminRoutesTest : public CateringTest {
 protected:
  sdk::RouteResponse admin(const std::string& method, const std::string& path, const std::string& body) {
    return h.callAs(sdk::Audience::Admin, method, path, body);
  }
};

TEST_F(AdminRoutesTest, EveryRouteHasATitleForTheConsole) {
  for (const auto& r : adminRoutes()) EXPECT_FALSE(r.title.empty()) << r.method << " " << r.path;
}

TEST_F(AdminRoutesTest, DishesAreCreatedListedAndReplaced) {
  const auto id = addDish("宫保鸡丁", "28.80");
  h.clock().advance(1000);
  auto r = admin("PUT", "/dishes", "{\"id\":" + std::to_string(id) + R"j(,"name":"宫保鸡丁(大)","price":36,"onSale":false})j");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_FALSE(object(r)->getValue<bool>("onSale"));
  EXPECT_EQ(object(r)->getValue<Poco::Int64>("updatedAt"), h.clock().now);
  r = admin("GET", "/dishes", "{}");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_DOUBLE_EQ(array(r)->getObject(0)->getValue<double>("price"), 36);
  r = admin("GET", "/dishes", "{\"id\":" + std::to_string(id) + "}");
  EXPECT_EQ(object(r)->getValue<std::string>("name"), "宫保鸡丁(大)");
  EXPECT_EQ(admin("GET", "/dishes", R"({"limit":501})").msg, "参数 limit 格式错误,应为1 到 500 之间的整数");
}

TEST_F(AdminRoutesTest, DishesRefuseBadFieldsAndChangeNothing) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"price":"1"})", "缺少参数 name"},
      {R"({"name":"汤"})", "缺少参数 price"},
      {R"({"name":"汤","price":"0"})", "参数 price 格式错误,应为大于 0 的金额"},
      {R"({"name":"汤","price":"1.001"})", "参数 price 格式错误,应为不超过两位小数的非负金额"},
      {R"({"name":")" + std::string(201, 'x') + R"(","price":"1"})", "参数 name 不能超过 200 字节"},
  };
  for (const auto& [body, msg] : cases) {
    const auto r = admin("POST", "/dishes", body);
    EXPECT_EQ(r.code, 300) << body;
    EXPECT_EQ(r.msg, msg) << body;
  }
  auto r = admin("PUT", "/dishes", R"({"id":9,"name":"汤","price":"1"})");
  EXPECT_EQ(r.code, 700);
  EXPECT_EQ(r.msg, "菜品 9 不存在");
  EXPECT_EQ(admin("GET", "/dishes", R"({"id":9})").msg, "菜品 9 不存在");
  EXPECT_EQ(count("catering_dishes"), 0);
}

TEST_F(AdminRoutesTest, TablesKeepTheirCodesUnique) {
  const auto a1 = addTable("一号桌", "A1");
  addTable("二号桌", "B2");
  auto r = admin("POST", "/tables", R"({"name":"三号桌","code":"A1"})");
  EXPECT_EQ(r.code, 409);
  EXPECT_EQ(r.msg, "餐桌码 A1 已被餐桌「一号桌」使用");
  r = admin("PUT", "/tables", "{\"id\":" + std::to_string(a1) + R"(,"name":"一号桌","code":"B2"})");
  EXPECT_EQ(r.code, 409);
  // Keeping its own code is fine.
  r = admin("PUT", "/tables", "{\"id\":" + std::to_string(a1) + R"(,"name":"窗边一号桌","code":"A1"})");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(admin("PUT", "/tables", R"({"id":9,"name":"x","code":"C3"})").msg, "餐桌 9 不存在");
  EXPECT_EQ(admin("POST", "/tables", R"({"name":"x"})").msg, "缺少参数 code");
  r = admin("GET", "/tables", "{}");
  ASSERT_EQ(array(r)->size(), 2u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::string>("name"), "窗边一号桌");
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::string>("code"), "A1");
  EXPECT_EQ(object(admin("GET", "/tables", R"({"id":2})"))->getValue<std::string>("code"), "B2");
  // Another factory has its own codes.
  h.setFactory(2);
  EXPECT_EQ(addTable("一号桌", "A1"), 3);
  EXPECT_EQ(array(admin("GET", "/tables", "{}"))->size(), 1u);
}

TEST_F(AdminRoutesTest, TheKitchenSeesOpenAndPaidOrders) {
  const auto paid = orderOf32();
  h.ledger().balance_ = 3200;
  const auto run = h.newPayment();
  ASSERT_EQ(h.execute(9, "{\"orderId\":" + std::to_string(paid) + "}", run).status, sdk::StepResult::Status::Done);
  h.users().add(2, "食客");
  h.setUser(2);
  const auto open = openOrder("A1");
  ASSERT_EQ(add(open, rice_, 1).code, 0);

  auto r = admin("GET", "/orders", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 2u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::string>("status"), "OPEN");
  EXPECT_EQ(array(r)->getObject(0)->getValue<Poco::Int64>("userId"), 2);
  EXPECT_EQ(array(r)->getObject(1)->getValue<std::string>("paidReference"), run.key);
  EXPECT_EQ(array(r)->getObject(1)->getArray("lines")->size(), 2u);
  r = admin("GET", "/orders", R"({"status":"PAID"})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_DOUBLE_EQ(array(r)->getObject(0)->getValue<double>("paid"), 32);
  EXPECT_EQ(array(admin("GET", "/orders", R"({"userId":2})"))->size(), 1u);
  EXPECT_EQ(array(admin("GET", "/orders", R"({"limit":1,"offset":1})"))->getObject(0)->getValue<Poco::Int64>("id"),
            paid);
  EXPECT_EQ(object(admin("GET", "/orders", "{\"id\":" + std::to_string(open) + "}"))->getValue<std::string>("tableName"),
            "一号桌");
  EXPECT_EQ(admin("GET", "/orders", R"({"id":5})").msg, "点餐订单 5 不存在");
  EXPECT_EQ(admin("GET", "/orders", R"({"userId":77})").msg, "用户 77 不存在");
  EXPECT_EQ(admin("GET", "/orders", R"({"status":"NEW"})").msg, "参数 status 格式错误,应为OPEN 或 PAID");
  // Another factory's kitchen sees none of them.
  h.setFactory(2);
  EXPECT_EQ(array(admin("GET", "/orders", "{}"))->size(), 0u);
}

}  // namespace
}  // namespace paynext::plugins::catering::test
