#include "plugins/orders/admin_routes.h"

#include "orders_test_support.h"

namespace paynext::plugins::orders::test {
namespace {

class AdminRoutesTest : public OrdersTest {
 protected:
  sdk::RouteResponse admin(const std::string& method, const std::string& path, const std::string& json) {
    return h.callAs(sdk::Audience::Admin, method, path, json);
  }
  void refused(const std::string& method, const std::string& path, const std::string& json, int code,
               const std::string& msg) {
    const auto r = admin(method, path, json);
    EXPECT_EQ(r.code, code) << method << " " << path << " " << json;
    EXPECT_EQ(r.msg, msg) << method << " " << path << " " << json;
  }
};

TEST_F(AdminRoutesTest, RoutesAreForAdminsWithChineseTitles) {
  const auto routes = adminRoutes();
  ASSERT_EQ(routes.size(), 6u);
  for (const auto& r : routes) {
    EXPECT_EQ(r.audience, sdk::Audience::Admin) << r.path;
    EXPECT_EQ(r.title, r.path == "/goods" ? "商品管理" : "商城订单") << r.path;
    EXPECT_EQ(r.writes, r.method != "GET") << r.method << " " << r.path;
  }
  EXPECT_EQ(routes[5].method, "POST");
  EXPECT_EQ(routes[5].path, "/orders/cancel");  // order_cancel_test.cc tests it
}

TEST_F(AdminRoutesTest, GoodsAreCreatedReplacedAndListed) {
  h.clock().now = 1000;
  auto r = admin("POST", "/goods", R"({"name":"T 恤","price":"12.5","stock":"10"})");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(stringify(r.data),
            R"({"id":1,"name":"T 恤","price":12.5,"stock":10,"onSale":true,"createdAt":1000,"updatedAt":1000})");
  h.clock().now = 2000;
  r = admin("PUT", "/goods", R"({"id":1,"name":"T 恤 2","price":13,"stock":0,"onSale":false})");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(stringify(r.data),
            R"({"id":1,"name":"T 恤 2","price":13,"stock":0,"onSale":false,"createdAt":1000,"updatedAt":2000})");
  admin("POST", "/goods", R"({"name":"杯子","price":1,"stock":1,"onSale":"true"})");
  addGoods("别家的", 100, 1, true, 2);
  r = admin("GET", "/goods", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r.data)->size(), 2u);
  EXPECT_EQ(array(r.data)->getObject(1)->getValue<std::string>("name"), "杯子");
  r = admin("GET", "/goods", R"({"offset":1,"limit":1})");
  ASSERT_EQ(array(r.data)->size(), 1u);
  EXPECT_EQ(array(r.data)->getObject(0)->getValue<Poco::Int64>("id"), 2);
  r = admin("GET", "/goods", R"({"id":2})");
  EXPECT_EQ(object(r.data)->getValue<std::string>("name"), "杯子");
  EXPECT_EQ(goodsRows(), (std::vector<std::string>{"1/1/0/0", "2/1/1/1", "3/2/1/1"}));
}

TEST_F(AdminRoutesTest, GoodsRefusalsNameTheFieldAndChangeNothing) {
  addGoods("T 恤", 100, 1);
  addGoods("别家的", 100, 1, true, 2);
  const auto before = goodsRows();
  refused("POST", "/goods", R"({"price":1,"stock":1})", 300, "缺少参数 name");
  refused("POST", "/goods", R"({"name":")" + std::string(101, 'x') + R"(","price":1,"stock":1})", 300,
          "参数 name 不能超过 100 字节");
  refused("POST", "/goods", R"({"name":"a","stock":1})", 300, "缺少参数 price");
  refused("POST", "/goods", R"({"name":"a","price":0,"stock":1})", 300,
          "参数 price 格式错误,应为大于 0 且不超过 100000000 元的金额");
  refused("POST", "/goods", R"({"name":"a","price":"100000000.01","stock":1})", 300,
          "参数 price 格式错误,应为大于 0 且不超过 100000000 元的金额");
  refused("POST", "/goods", R"({"name":"a","price":"1.001","stock":1})", 300,
          "参数 price 格式错误,应为不超过两位小数的非负金额");
  refused("POST", "/goods", R"({"name":"a","price":1})", 300, "缺少参数 stock");
  refused("POST", "/goods", R"({"name":"a","price":1,"stock":-1})", 300,
          "参数 stock 格式错误,应为0 到 100000000 之间的整数");
  refused("POST", "/goods", R"({"name":"a","price":1,"stock":1,"onSale":"yes"})", 300,
          "参数 onSale 格式错误,应为true 或 false");
  refused("PUT", "/goods", R"({"name":"a","price":1,"stock":1})", 300, "缺少参数 id");
  refused("PUT", "/goods", R"({"id":2,"name":"a","price":1,"stock":1})", 700, "商品 2 不存在");
  refused("GET", "/goods", R"({"id":2})", 700, "商品 2 不存在");
  refused("GET", "/goods", R"({"limit":501})", 300, "参数 limit 格式错误,应为1 到 500 之间的整数");
  EXPECT_EQ(goodsRows(), before);
}

TEST_F(AdminRoutesTest, AnAdminCreatesAnOrderWithAnAmountForAUser) {
  h.users().add(2, "另一位");
  auto r = admin("POST", "/orders", R"({"userId":2,"title":"线下补单","amount":"8.80"})");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r.data)->getValue<double>("amount"), 8.8);
  EXPECT_EQ(object(r.data)->getValue<std::string>("title"), "线下补单");
  EXPECT_EQ(object(r.data)->getValue<Poco::Int64>("userId"), 2);
  r = admin("POST", "/orders", R"({"userId":"1","amount":1})");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r.data)->getValue<std::string>("title"), "商城订单");
  EXPECT_EQ(rows(), (std::vector<std::string>{"1/1/2/880/UNPAID/0/", "2/1/1/100/UNPAID/0/"}));
  // The user pays it like any order.
  h.ledger().balance_ = 100;
  ASSERT_EQ(h.execute(0, R"({"id":2})").status, sdk::StepResult::Status::Done);
  EXPECT_EQ(status(2), "PAID");
}

TEST_F(AdminRoutesTest, OrderCreationRefusalsChangeNothing) {
  refused("POST", "/orders", R"({"amount":1})", 300, "缺少参数 userId");
  refused("POST", "/orders", R"({"userId":9,"amount":1})", 700, "用户 9 不存在");
  refused("POST", "/orders", R"({"userId":1})", 300, "缺少参数 amount");
  refused("POST", "/orders", R"({"userId":1,"amount":0})", 300, "参数 amount 格式错误,应为大于 0 的金额");
  refused("POST", "/orders", R"({"userId":1,"amount":"-1"})", 300, "参数 amount 格式错误,应为不超过两位小数的非负金额");
  refused("POST", "/orders", R"({"userId":1,"amount":1,"title":")" + std::string(201, 'x') + "\"}", 300,
          "参数 title 不能超过 200 字节");
  EXPECT_TRUE(rows().empty());
}

TEST_F(AdminRoutesTest, OrdersAreListedNewestFirstAndInspectedWithTheirGoods) {
  h.users().add(2, "另一位");
  addGoods("T 恤", 500, 5);
  const auto a = orderGoods(R"([{"goodsId":1,"number":2}])");
  const auto b = addOrder(100, 2);
  addOrder(100, 1, 2);  // another factory's
  markPaid(b, 2);
  auto ids = [&](const std::string& params) { return idsOf(admin("GET", "/orders", params)); };
  EXPECT_EQ(ids("{}"), (std::vector<std::int64_t>{b, a}));
  EXPECT_EQ(ids(R"({"userId":2})"), std::vector<std::int64_t>{b});
  EXPECT_EQ(ids(R"({"status":"UNPAID"})"), std::vector<std::int64_t>{a});
  EXPECT_EQ(ids(R"({"userId":1,"status":"PAID"})"), std::vector<std::int64_t>{});
  EXPECT_EQ(ids(R"({"offset":1,"limit":1})"), std::vector<std::int64_t>{a});
  const auto r = admin("GET", "/orders", "{\"id\":" + std::to_string(a) + "}");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r.data)->getValue<Poco::Int64>("userId"), 1);
  EXPECT_EQ(array(object(r.data)->get("goods"))->getObject(0)->getValue<Poco::Int64>("number"), 2);
  refused("GET", "/orders", R"({"id":3})", 700, "订单 3 不存在");
  refused("GET", "/orders", R"({"userId":9})", 700, "用户 9 不存在");
  refused("GET", "/orders", R"({"status":"GONE"})", 300, "参数 status 格式错误,应为UNPAID、PAID、CLOSED 或 CANCELLED");
}

}  // namespace
}  // namespace paynext::plugins::orders::test
