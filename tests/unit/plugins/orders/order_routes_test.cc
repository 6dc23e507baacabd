#include "plugins/orders/order_routes.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/LocalDateTime.h>

#include "orders_test_support.h"

namespace paynext::plugins::orders::test {
namespace {

class OrderRoutesTest : public OrdersTest {};

TEST_F(OrderRoutesTest, RoutesAreForUsersAndWritesAreMarked) {
  const auto routes = orderRoutes();
  ASSERT_EQ(routes.size(), 5u);
  for (const auto& r : routes) EXPECT_EQ(r.audience, sdk::Audience::User) << r.path;
  EXPECT_EQ(routes[0].path, "/order/create");
  EXPECT_TRUE(routes[0].writes);
  EXPECT_EQ(routes[1].path, "/order/detail");
  EXPECT_FALSE(routes[1].writes);
  EXPECT_EQ(routes[2].path, "/order/pay");
  EXPECT_TRUE(routes[2].writes);
  EXPECT_EQ(routes[3].path, "/order/list");
  EXPECT_FALSE(routes[3].writes);
  // A checkout opens its own transaction, so the pay-now route must not hold one.
  EXPECT_EQ(routes[4].path, "/order/payNow");
  EXPECT_FALSE(routes[4].writes);
}

TEST_F(OrderRoutesTest, CreateStoresAnUnpaidOrder) {
  h.clock().now = 1714557600000;  // 2024-05-01T10:00:00Z
  const auto r = h.call("POST", "/order/create", R"({"amount":"12.5","title":"两件 T 恤"})");
  ASSERT_EQ(r.code, 0) << r.msg;
  const auto data = object(r.data);
  EXPECT_EQ(data->getValue<Poco::Int64>("id"), 1);
  EXPECT_EQ(data->getValue<double>("amount"), 12.5);
  EXPECT_EQ(data->getValue<std::string>("status"), "UNPAID");
  EXPECT_EQ(data->getValue<std::string>("title"), "两件 T 恤");
  EXPECT_EQ(data->getValue<Poco::Int64>("createdAt"), 1714557600000);
  // The order number carries the local day of the host's clock.
  const Poco::LocalDateTime day(Poco::Timestamp(1714557600000LL * 1000));
  EXPECT_EQ(data->getValue<std::string>("orderNumber"), "OD" + Poco::DateTimeFormatter::format(day, "%Y%m%d") + "000001");
  EXPECT_NE(stringify(r.data).find("\"paidAt\":null"), std::string::npos) << stringify(r.data);
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/1/1250/UNPAID/0/"});
}

TEST_F(OrderRoutesTest, CreateTakesAJsonNumberAndDefaultsTheTitle) {
  const auto r = h.call("POST", "/order/create", R"({"amount":0.01})");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r.data)->getValue<double>("amount"), 0.01);
  EXPECT_EQ(object(r.data)->getValue<std::string>("title"), "商城订单");
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/1/1/UNPAID/0/"});
}

TEST_F(OrderRoutesTest, CreateRefusesBadInputAndStoresNothing) {
  auto refused = [&](const std::string& params, const std::string& msg) {
    const auto r = h.call("POST", "/order/create", params);
    EXPECT_EQ(r.code, 300) << params;
    EXPECT_EQ(r.msg, msg) << params;
  };
  refused("{}", "缺少参数 amount");
  refused(R"({"amount":0})", "参数 amount 格式错误,应为大于 0 的金额");
  refused(R"({"amount":"-1"})", "参数 amount 格式错误,应为不超过两位小数的非负金额");
  refused(R"({"amount":"1.234"})", "参数 amount 格式错误,应为不超过两位小数的非负金额");
  refused(R"({"amount":1,"title":")" + std::string(201, 'x') + "\"}", "参数 title 不能超过 200 字节");
  EXPECT_TRUE(rows().empty());
}

TEST_F(OrderRoutesTest, DetailShowsOnlyTheCallersOrder) {
  const auto mine = addOrder(300);
  const auto theirs = addOrder(300, 2);
  const auto otherFactory = addOrder(300, 1, 2);
  const auto r = h.call("/order/detail", "{\"id\":" + std::to_string(mine) + "}");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r.data)->getValue<Poco::Int64>("id"), mine);
  EXPECT_EQ(object(r.data)->getValue<double>("amount"), 3.0);
  for (auto id : {theirs, otherFactory, std::int64_t{404}}) {
    const auto missing = h.call("/order/detail", "{\"id\":" + std::to_string(id) + "}");
    EXPECT_EQ(missing.code, 700);
    EXPECT_EQ(missing.msg, "订单不存在");
  }
  const auto noId = h.call("/order/detail", "{}");
  EXPECT_EQ(noId.code, 300);
  EXPECT_EQ(noId.msg, "缺少参数 id");
}

TEST_F(OrderRoutesTest, PayDebitsTheWalletAndMarksTheOrdersPaid) {
  const auto a = addOrder(300), b = addOrder(200);
  h.ledger().balance_ = 1000;
  h.clock().advance(90000);
  const auto r = h.call("POST", "/order/pay", "{\"id\":\"" + std::to_string(a) + "," + std::to_string(b) + "\"}");
  ASSERT_EQ(r.code, 0) << r.msg;
  const auto data = object(r.data);
  for (const auto& order : *array(data->get("orders"))) {
    EXPECT_EQ(order.extract<Poco::JSON::Object::Ptr>()->getValue<Poco::Int64>("paidAt"), h.clock().now);
    EXPECT_EQ(order.extract<Poco::JSON::Object::Ptr>()->getValue<Poco::Int64>("createdAt"), h.clock().now - 90000);
  }
  EXPECT_EQ(data->getValue<double>("amount"), 5.0);
  EXPECT_EQ(data->getValue<double>("balance"), 5.0);
  ASSERT_EQ(array(data->get("orders"))->size(), 2u);
  EXPECT_EQ(array(data->get("orders"))->getObject(0)->getValue<std::string>("status"), "PAID");
  EXPECT_EQ(h.ledger().balance_, 500);
  ASSERT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(h.ledger().entries[0].reason, "支付商城订单");
  EXPECT_EQ(h.ledger().entries[0].reference, "orders:1,2");
  EXPECT_EQ(rows(), (std::vector<std::string>{"1/1/1/300/PAID/t/wallet", "2/1/1/200/PAID/t/wallet"}));
}

TEST_F(OrderRoutesTest, PayAcceptsTheClientsOrderIdField) {
  const auto a = addOrder(300);
  h.ledger().balance_ = 300;
  const auto r = h.call("POST", "/order/pay", "{\"orderId\":" + std::to_string(a) + "}");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(status(a), "PAID");
  EXPECT_EQ(h.ledger().balance_, 0);
}

TEST_F(OrderRoutesTest, PayWithTooLittleBalanceChangesNothing) {
  const auto a = addOrder(300), b = addOrder(200);
  h.ledger().balance_ = 499;
  const auto before = rows();
  const auto r = h.call("POST", "/order/pay", "{\"id\":\"" + std::to_string(a) + "," + std::to_string(b) + "\"}");
  EXPECT_EQ(r.code, 30002);
  EXPECT_EQ(r.msg, "余额不足");
  EXPECT_EQ(rows(), before);
  EXPECT_EQ(h.ledger().balance_, 499);
  EXPECT_TRUE(h.ledger().entries.empty());
}

TEST_F(OrderRoutesTest, PayRefusesPaidMissingAndDuplicatedOrders) {
  const auto a = addOrder(100), b = addOrder(100);
  markPaid(b);
  h.ledger().balance_ = 1000;
  const auto before = rows();
  auto refused = [&](const std::string& params, int code, const std::string& msg) {
    const auto r = h.call("POST", "/order/pay", params);
    EXPECT_EQ(r.code, code) << params;
    EXPECT_EQ(r.msg, msg) << params;
  };
  refused("{\"id\":\"" + std::to_string(a) + "," + std::to_string(b) + "\"}", 300,
          "订单 " + std::to_string(b) + " 已支付,不能重复支付");
  refused("{\"id\":\"" + std::to_string(a) + ",77\"}", 700, "订单 77 不存在");
  refused("{\"id\":\"" + std::to_string(a) + "," + std::to_string(a) + "\"}", 300,
          "参数 id 中订单 " + std::to_string(a) + " 重复");
  refused("{}", 300, "缺少参数 id");
  EXPECT_EQ(rows(), before);
  EXPECT_EQ(h.ledger().balance_, 1000);
  EXPECT_TRUE(h.ledger().entries.empty());
}

TEST_F(OrderRoutesTest, ListShowsTheCallersOrdersNewestFirst) {
  const auto a = addOrder(100), b = addOrder(200);
  addOrder(300, 2);
  addOrder(400, 1, 2);
  markPaid(a);
  auto ids = [&](const std::string& params) {
    const auto r = h.call("/order/list", params);
    EXPECT_EQ(r.code, 0) << r.msg;
    std::vector<std::int64_t> out;
    if (r.code != 0) return out;
    for (const auto& o : *array(r.data)) out.push_back(o.extract<Poco::JSON::Object::Ptr>()->getValue<Poco::Int64>("id"));
    return out;
  };
  EXPECT_EQ(ids("{}"), (std::vector<std::int64_t>{b, a}));
  EXPECT_EQ(ids(R"({"status":"PAID"})"), std::vector<std::int64_t>{a});
  EXPECT_EQ(ids(R"({"status":"UNPAID"})"), std::vector<std::int64_t>{b});
  EXPECT_EQ(ids(R"({"page":2,"pageSize":1})"), std::vector<std::int64_t>{a});
}

TEST_F(OrderRoutesTest, ListAnswers700WhenThereIsNothing) {
  addOrder(100, 2);
  const auto r = h.call("/order/list", "{}");
  EXPECT_EQ(r.code, 700);
  EXPECT_EQ(r.msg, "暂无数据");
}

TEST_F(OrderRoutesTest, ListRefusesBadFilters) {
  auto r = h.call("/order/list", R"({"status":"SHIPPED"})");
  EXPECT_EQ(r.code, 300);
  EXPECT_EQ(r.msg, "参数 status 格式错误,应为UNPAID 或 PAID");
  r = h.call("/order/list", R"({"pageSize":1000})");
  EXPECT_EQ(r.code, 300);
  EXPECT_EQ(r.msg, "参数 pageSize 格式错误,应为1 到 100 之间的整数");
}

}  // namespace
}  // namespace paynext::plugins::orders::test
