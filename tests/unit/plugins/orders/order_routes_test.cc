#include "plugins/orders/order_routes.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/LocalDateTime.h>

#include "orders_test_support.h"

namespace paynext::plugins::orders::test {
namespace {

class OrderRoutesTest : public OrdersTest {};

TEST_F(OrderRoutesTest, RoutesAreForUsersAndWritesAreMarked) {
  const auto routes = orderRoutes();
  ASSERT_EQ(routes.size(), 7u);
  for (std::size_t i = 0; i < 6; ++i) EXPECT_EQ(routes[i].audience, sdk::Audience::User) << routes[i].path;
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
  EXPECT_EQ(routes[5].path, "/order/close");
  EXPECT_EQ(routes[5].method, "POST");
  EXPECT_TRUE(routes[5].writes);
  EXPECT_EQ(routes[6].path, "/order/goods");
  EXPECT_EQ(routes[6].audience, sdk::Audience::Public);
  EXPECT_FALSE(routes[6].writes);
}

TEST_F(OrderRoutesTest, GoodsListsWhatIsOnSaleToAnyone) {
  h.setUser(0);
  EXPECT_EQ(h.call("/order/goods", "{}").code, 700);
  addGoods("T 恤", 1250, 3);
  addGoods("下架品", 100, 5, false);
  addGoods("别家的", 100, 5, true, 2);
  addGoods("杯子", 300, 0);
  auto r = h.call("/order/goods", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(stringify(r.data), R"([{"id":1,"name":"T 恤","price":12.5,"stock":3,"onSale":true},)"
                               R"({"id":4,"name":"杯子","price":3,"stock":0,"onSale":true}])");
  EXPECT_EQ(idsOf(h.call("/order/goods", R"({"page":2,"pageSize":1})")), std::vector<std::int64_t>{4});
  r = h.call("/order/goods", R"({"pageSize":0})");
  EXPECT_EQ(r.code, 300);
  EXPECT_EQ(r.msg, "参数 pageSize 格式错误,应为1 到 100 之间的整数");
}

TEST_F(OrderRoutesTest, CreatePricesTheOrderFromTheGoods) {
  h.clock().now = 1714557600000;  // 2024-05-01T10:00:00Z
  const auto shirt = addGoods("T 恤", 1250, 10);
  const auto r = h.call("POST", "/order/create",
                        "{\"goodsJsonStr\":\"[{\\\"goodsId\\\":" + std::to_string(shirt) + ",\\\"number\\\":2}]\"}");
  ASSERT_EQ(r.code, 0) << r.msg;
  const auto data = object(r.data);
  EXPECT_EQ(data->getValue<Poco::Int64>("id"), 1);
  EXPECT_EQ(data->getValue<double>("amount"), 25.0);
  EXPECT_EQ(data->getValue<std::string>("status"), "UNPAID");
  EXPECT_EQ(data->getValue<std::string>("title"), "T 恤");
  EXPECT_EQ(data->getValue<Poco::Int64>("createdAt"), 1714557600000);
  // The order number carries the local day of the host's clock.
  const Poco::LocalDateTime day(Poco::Timestamp(1714557600000LL * 1000));
  EXPECT_EQ(data->getValue<std::string>("orderNumber"), "OD" + Poco::DateTimeFormatter::format(day, "%Y%m%d") + "000001");
  EXPECT_NE(stringify(r.data).find("\"paidAt\":null"), std::string::npos) << stringify(r.data);
  EXPECT_NE(stringify(r.data).find(R"("goods":[{"goodsId":1,"name":"T 恤","price":12.5,"number":2,"amount":25}])"),
            std::string::npos)
      << stringify(r.data);
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/1/2500/UNPAID/0/"});
  EXPECT_EQ(lineRows(), std::vector<std::string>{"1/1/T 恤/1250/2/2500"});
  EXPECT_EQ(stock(shirt), 10);  // taken when the order is paid, not before
}

TEST_F(OrderRoutesTest, CreateTakesNumericStringsAnArrayAndMergesRepeatedGoods) {
  const auto a = addGoods("苹果", 300, 10), b = addGoods("梨", 1, 5);
  const std::string ids = "[{\"goodsId\":\"" + std::to_string(a) + "\",\"number\":\"2\"},{\"goodsId\":" +
                          std::to_string(b) + ",\"number\":1},{\"goodsId\":" + std::to_string(a) + ",\"number\":3}]";
  auto r = h.call("POST", "/order/create", "{\"goodsJsonStr\":" + quoted(ids) + "}");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r.data)->getValue<double>("amount"), 15.01);
  EXPECT_EQ(object(r.data)->getValue<std::string>("title"), "苹果 等 2 种商品");
  // A JSON body may carry the array itself; a client's amount beside the goods is ignored.
  r = h.call("POST", "/order/create", "{\"goodsJsonStr\":" + ids + ",\"amount\":0.01}");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r.data)->getValue<double>("amount"), 15.01);
  EXPECT_EQ(lineRows(), (std::vector<std::string>{"1/1/苹果/300/5/1500", "1/2/梨/1/1/1", "2/1/苹果/300/5/1500",
                                                  "2/2/梨/1/1/1"}));
}

TEST_F(OrderRoutesTest, CreateRefusesBadInputAndStoresNothing) {
  const auto shirt = addGoods("T 恤", 1250, 3);
  addGoods("下架品", 100, 5, false);
  addGoods("别家的", 100, 5, true, 2);
  auto refused = [&](const std::string& params, int code, const std::string& msg) {
    const auto r = h.call("POST", "/order/create", params);
    EXPECT_EQ(r.code, code) << params;
    EXPECT_EQ(r.msg, msg) << params;
  };
  auto goods = [&](const std::string& json) { return "{\"goodsJsonStr\":" + quoted(json) + "}"; };
  refused("{}", 300, "缺少参数 goodsJsonStr");
  refused(R"({"amount":"12.5"})", 300, "不接受参数 amount:订单按商品计价,请用 goodsJsonStr 给出商品和数量");
  const std::string shape = "参数 goodsJsonStr 格式错误,应为商品数组的 JSON 文本,如 [{\"goodsId\":1,\"number\":2}]";
  refused(goods("[{"), 300, shape);
  refused(goods("{\"goodsId\":1}"), 300, shape);
  refused(R"({"goodsJsonStr":12})", 300, shape);
  refused(goods("[]"), 300, "参数 goodsJsonStr 不能为空");
  refused(goods("[1]"), 300, "参数 goodsJsonStr 第 1 行应为 {\"goodsId\":..,\"number\":..}");
  refused(goods("[{\"number\":1}]"), 300, "参数 goodsJsonStr 第 1 行:缺少参数 goodsId");
  refused(goods("[{\"goodsId\":1,\"number\":1},{\"goodsId\":\"x\",\"number\":1}]"), 300,
          "参数 goodsJsonStr 第 2 行:参数 goodsId 格式错误,应为整数");
  refused(goods("[{\"goodsId\":1}]"), 300, "参数 goodsJsonStr 第 1 行:缺少参数 number");
  refused(goods("[{\"goodsId\":1,\"number\":0}]"), 300, "参数 goodsJsonStr 第 1 行:number 应为 1 到 999 之间的整数");
  refused(goods("[{\"goodsId\":1,\"number\":1000}]"), 300, "参数 goodsJsonStr 第 1 行:number 应为 1 到 999 之间的整数");
  refused(goods("[{\"goodsId\":1,\"number\":500},{\"goodsId\":1,\"number\":500}]"), 300,
          "参数 goodsJsonStr 中商品 1 合计超过 999 件");
  std::string many = "[";
  for (int i = 1; i <= 51; ++i) many += (i > 1 ? "," : "") + std::string("{\"goodsId\":") + std::to_string(i) + ",\"number\":1}";
  refused(goods(many + "]"), 300, "参数 goodsJsonStr 最多 50 行");
  refused(goods("[\"" + std::string(8200, 'x') + "\"]"), 300, "参数 goodsJsonStr 不能超过 8192 字节");
  // The goods themselves: unknown, another factory's, off sale, short of stock.
  refused(goods("[{\"goodsId\":99,\"number\":1}]"), 700, "商品 99 不存在");
  refused(goods("[{\"goodsId\":3,\"number\":1}]"), 700, "商品 3 不存在");
  refused(goods("[{\"goodsId\":2,\"number\":1}]"), 300, "商品「下架品」已下架");
  refused(goods("[{\"goodsId\":" + std::to_string(shirt) + ",\"number\":4}]"), 300, "商品「T 恤」库存不足,剩余 3 件");
  refused(goods("[{\"goodsId\":1,\"number\":2},{\"goodsId\":1,\"number\":2}]"), 300, "商品「T 恤」库存不足,剩余 3 件");
  EXPECT_TRUE(rows().empty());
  EXPECT_TRUE(lineRows().empty());
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
  auto ids = [&](const std::string& params) { return idsOf(h.call("/order/list", params)); };
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
  EXPECT_EQ(r.msg, "参数 status 格式错误,应为UNPAID、PAID、CLOSED 或 CANCELLED");
  r = h.call("/order/list", R"({"pageSize":1000})");
  EXPECT_EQ(r.code, 300);
  EXPECT_EQ(r.msg, "参数 pageSize 格式错误,应为1 到 100 之间的整数");
}

TEST_F(OrderRoutesTest, DetailShowsTheGoodsOfTheOrder) {
  const auto shirt = addGoods("T 恤", 1250, 10);
  const auto id = orderGoods("[{\"goodsId\":" + std::to_string(shirt) + ",\"number\":1}]");
  const auto r = h.call("/order/detail", "{\"id\":" + std::to_string(id) + "}");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(array(object(r.data)->get("goods"))->size(), 1u);
  EXPECT_EQ(array(object(r.data)->get("goods"))->getObject(0)->getValue<std::string>("name"), "T 恤");
}

TEST_F(OrderRoutesTest, CloseClosesTheCallersUnpaidOrder) {
  const auto a = addOrder(300), b = addOrder(200);
  auto r = h.call("POST", "/order/close", "{\"id\":" + std::to_string(a) + "}");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r.data)->getValue<std::string>("status"), "CLOSED");
  // API工厂's orderClose sends orderId; closing again answers the closed order.
  r = h.call("POST", "/order/close", "{\"orderId\":\"" + std::to_string(a) + "\"}");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r.data)->getValue<std::string>("status"), "CLOSED");
  EXPECT_EQ(rows(), (std::vector<std::string>{"1/1/1/300/CLOSED/0/", "2/1/1/200/UNPAID/0/"}));
  EXPECT_EQ(status(b), "UNPAID");
}

TEST_F(OrderRoutesTest, CloseRefusesPaidAndOtherUsersOrdersAndChangesNothing) {
  const auto paid = addOrder(300), theirs = addOrder(300, 2), otherFactory = addOrder(300, 1, 2);
  markPaid(paid);
  const auto before = rows();
  auto refused = [&](const std::string& params, int code, const std::string& msg) {
    const auto r = h.call("POST", "/order/close", params);
    EXPECT_EQ(r.code, code) << params;
    EXPECT_EQ(r.msg, msg) << params;
  };
  refused("{\"id\":" + std::to_string(paid) + "}", 300, "订单已支付,不能关闭");
  refused("{\"id\":" + std::to_string(theirs) + "}", 700, "订单不存在");
  refused("{\"id\":" + std::to_string(otherFactory) + "}", 700, "订单不存在");
  refused("{}", 300, "缺少参数 id");
  refused(R"({"id":"x"})", 300, "参数 id 格式错误,应为整数");
  EXPECT_EQ(rows(), before);
}

TEST_F(OrderRoutesTest, AClosedOrderCannotBePaid) {
  const auto a = addOrder(300);
  ASSERT_EQ(h.call("POST", "/order/close", "{\"id\":" + std::to_string(a) + "}").code, 0);
  h.ledger().balance_ = 1000;
  const auto r = h.call("POST", "/order/pay", "{\"id\":" + std::to_string(a) + "}");
  EXPECT_EQ(r.code, 300);
  EXPECT_EQ(r.msg, "订单 " + std::to_string(a) + " 已关闭,不能支付");
  EXPECT_EQ(h.ledger().balance_, 1000);
  EXPECT_EQ(status(a), "CLOSED");
}

TEST_F(OrderRoutesTest, PayTakesTheGoodsStockOrRefusesWhenSoldOut) {
  const auto shirt = addGoods("T 恤", 100, 3);
  const auto a = orderGoods("[{\"goodsId\":1,\"number\":2}]");
  const auto b = orderGoods("[{\"goodsId\":1,\"number\":2}]");
  h.ledger().balance_ = 1000;
  auto r = h.call("POST", "/order/pay", "{\"id\":" + std::to_string(a) + "}");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(stock(shirt), 1);
  const auto before = rows();
  r = h.call("POST", "/order/pay", "{\"orderId\":" + std::to_string(b) + "}");
  EXPECT_EQ(r.code, 300);
  EXPECT_EQ(r.msg, "商品「T 恤」库存不足,剩余 1 件");
  EXPECT_EQ(rows(), before);
  EXPECT_EQ(stock(shirt), 1);
  EXPECT_EQ(h.ledger().balance_, 800);
}

}  // namespace
}  // namespace paynext::plugins::orders::test
