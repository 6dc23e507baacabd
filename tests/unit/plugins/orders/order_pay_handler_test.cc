#include "plugins/orders/order_pay_handler.h"

#include "orders_test_support.h"

namespace paynext::plugins::orders::test {
namespace {

using Status = sdk::StepResult::Status;
using Refusal = std::pair<int, std::string>;

class OrderPayHandlerTest : public OrdersTest {};

TEST_F(OrderPayHandlerTest, ValidateReturnsTheAmountOfOneOrder) {
  const auto id = addOrder(1250);
  EXPECT_EQ(h.validate(0, "{\"id\":" + std::to_string(id) + "}"), 1250);
  EXPECT_EQ(h.validate(0, "{\"id\":\"" + std::to_string(id) + "\"}"), 1250);
}

TEST_F(OrderPayHandlerTest, ValidateSumsSeveralOrders) {
  const auto a = addOrder(100), b = addOrder(250), c = addOrder(1);
  EXPECT_EQ(h.validate(0, "{\"id\":\"" + std::to_string(a) + ", " + std::to_string(b) + "," + std::to_string(c) + "\"}"),
            351);
}

TEST_F(OrderPayHandlerTest, ValidateRefusesBadIds) {
  addOrder(100);
  EXPECT_EQ(refusal([&] { h.validate(0, "{}"); }), Refusal(300, "缺少参数 id"));
  EXPECT_EQ(refusal([&] { h.validate(0, "{\"id\":\"1,x\"}"); }),
            Refusal(300, "参数 id 格式错误,应为以英文逗号分隔的编号"));
  EXPECT_EQ(refusal([&] { h.validate(0, "{\"id\":0}"); }), Refusal(300, "参数 id 格式错误,应为正整数"));
  EXPECT_EQ(refusal([&] { h.validate(0, "{\"id\":\"1,1\"}"); }), Refusal(300, "参数 id 中订单 1 重复"));
  std::string many;
  for (int i = 1; i <= 51; ++i) many += (i > 1 ? "," : "") + std::to_string(i);
  EXPECT_EQ(refusal([&] { h.validate(0, "{\"id\":\"" + many + "\"}"); }), Refusal(300, "参数 id 最多包含 50 个订单"));
}

TEST_F(OrderPayHandlerTest, ValidateRefusesOrdersThatAreNotTheCallers) {
  const auto mine = addOrder(100);
  const auto theirs = addOrder(100, 2);
  const auto otherFactory = addOrder(100, 1, 2);
  EXPECT_EQ(refusal([&] { h.validate(0, "{\"id\":99}"); }), Refusal(700, "订单 99 不存在"));
  EXPECT_EQ(refusal([&] { h.validate(0, "{\"id\":\"" + std::to_string(mine) + "," + std::to_string(theirs) + "\"}"); }),
            Refusal(700, "订单 " + std::to_string(theirs) + " 不存在"));
  EXPECT_EQ(refusal([&] { h.validate(0, "{\"id\":" + std::to_string(otherFactory) + "}"); }),
            Refusal(700, "订单 " + std::to_string(otherFactory) + " 不存在"));
}

TEST_F(OrderPayHandlerTest, ValidateRefusesPaidOrders) {
  const auto id = addOrder(100);
  markPaid(id);
  EXPECT_EQ(refusal([&] { h.validate(0, "{\"id\":" + std::to_string(id) + "}"); }),
            Refusal(300, "订单 " + std::to_string(id) + " 已支付,不能重复支付"));
}

TEST_F(OrderPayHandlerTest, ExecutePaysTheOrdersFromTheWallet) {
  const auto a = addOrder(100), b = addOrder(250);
  addOrder(999);  // not part of the payment
  h.ledger().balance_ = 1000;
  h.clock().advance(5000);
  const std::string ids = std::to_string(a) + "," + std::to_string(b);
  const auto r = h.execute(0, "{\"id\":\"" + ids + "\"}", "step-key-1");
  ASSERT_EQ(r.status, Status::Done) << r.reason;
  OrderStore store(h.session(), 1, h.clock());
  EXPECT_EQ(store.findForUser(1, a)->paidAt, h.clock().now);
  EXPECT_EQ(store.findForUser(1, b)->paidAt, h.clock().now);
  EXPECT_EQ(h.ledger().balance_, 650);
  ASSERT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(h.ledger().entries[0].currency, "balance");
  EXPECT_EQ(h.ledger().entries[0].amount, -350);
  EXPECT_EQ(h.ledger().entries[0].reason, "支付商城订单");
  EXPECT_EQ(h.ledger().entries[0].reference, "orders:" + ids);
  EXPECT_EQ(rows(), (std::vector<std::string>{"1/1/1/100/PAID/t/step-key-1", "2/1/1/250/PAID/t/step-key-1",
                                              "3/1/1/999/UNPAID/0/"}));
  ASSERT_TRUE(r.result);
  EXPECT_EQ(stringify(r.result), "{\"amount\":3.5,\"orders\":\"orders:1,2\"}");
}

TEST_F(OrderPayHandlerTest, ExecuteFailsWhenAnOrderWasPaidMeanwhile) {
  const auto a = addOrder(100), b = addOrder(250);
  h.ledger().balance_ = 1000;
  const std::string params = "{\"id\":\"" + std::to_string(a) + "," + std::to_string(b) + "\"}";
  ASSERT_EQ(h.validate(0, params), 350);
  markPaid(b);
  const auto before = rows();
  const auto r = h.execute(0, params);
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "订单 " + std::to_string(b) + " 已支付,不能重复支付");
  EXPECT_EQ(rows(), before);
  EXPECT_EQ(status(a), "UNPAID");
  EXPECT_EQ(h.ledger().balance_, 1000);
  EXPECT_TRUE(h.ledger().entries.empty());
}

TEST_F(OrderPayHandlerTest, ExecuteFailsWhenTheWalletIsShortAndChangesNothing) {
  const auto a = addOrder(2000), b = addOrder(1000);
  h.ledger().balance_ = 2999;
  const auto before = rows();
  const auto r = h.execute(0, "{\"id\":\"" + std::to_string(a) + "," + std::to_string(b) + "\"}");
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "余额不足,支付商城订单需要 30.00 元");
  EXPECT_EQ(rows(), before);
  EXPECT_EQ(h.ledger().balance_, 2999);
  EXPECT_TRUE(h.ledger().entries.empty());
}

TEST_F(OrderPayHandlerTest, ExecuteFailsForAnOrderThatIsGone) {
  h.ledger().balance_ = 1000;
  const auto r = h.execute(0, "{\"id\":42}");
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "订单 42 不存在");
  EXPECT_EQ(h.ledger().balance_, 1000);
}

TEST_F(OrderPayHandlerTest, ExecuteDoesNotPayAnotherUsersOrder) {
  const auto theirs = addOrder(100, 2);
  h.ledger().balance_ = 1000;
  const auto r = h.execute(0, "{\"id\":" + std::to_string(theirs) + "}");
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "订单 " + std::to_string(theirs) + " 不存在");
  EXPECT_EQ(status(theirs), "UNPAID");
}

TEST_F(OrderPayHandlerTest, ModuleDeclaresTypeZero) {
  OrdersModule module;
  EXPECT_EQ(module.name(), "orders");
  EXPECT_EQ(module.title(), "商城订单");
  EXPECT_EQ(module.version(), "1.3.0");
  const auto types = module.actionTypes();
  ASSERT_EQ(types.size(), 1u);
  EXPECT_EQ(types[0].code, 0);
  EXPECT_EQ(types[0].title, "支付商城订单");
  ASSERT_EQ(types[0].params.size(), 4u);
  EXPECT_EQ(types[0].params[0].name, "id");
  EXPECT_TRUE(types[0].params[0].required);
  EXPECT_EQ(types[0].params[1].name, "address_id");
  EXPECT_EQ(types[0].params[2].name, "freight_mode");
  EXPECT_EQ(types[0].params[3].name, "freight_json_arr_key");
  for (const auto& m : module.migrations()) {
    EXPECT_FALSE(m.sqlite.empty());
    EXPECT_FALSE(m.postgresql.empty());
  }
}

TEST_F(OrderPayHandlerTest, ValidateRefusesAnOrderNumberGivenAsTheId) {
  const auto id = addOrder(100);
  const Refusal useTheId(300, "参数 id 应为待支付订单的 id(接口返回的纯数字编号),不是 OD 开头的订单号");
  EXPECT_EQ(refusal([&] { h.validate(0, R"({"id":"OD1807220151884127"})"); }), useTheId);
  EXPECT_EQ(refusal([&] { h.validate(0, "{\"id\":\"" + std::to_string(id) + ", od1807220151884127\"}"); }), useTheId);
  EXPECT_EQ(refusal([&] { h.validate(0, R"({"id":1807220151884127})"); }), useTheId);
  EXPECT_EQ(refusal([&] { h.validate(0, R"({"id":"1807220151884127"})"); }), useTheId);
  // The seed's own forms keep working.
  EXPECT_EQ(h.validate(0, "{\"id\":" + std::to_string(id) + "}"), 100);
}

TEST_F(OrderPayHandlerTest, ValidateRefusesClosedOrders) {
  const auto id = addOrder(100);
  OrderStore(h.session(), 1, h.clock()).close(1, id);
  EXPECT_EQ(refusal([&] { h.validate(0, "{\"id\":" + std::to_string(id) + "}"); }),
            Refusal(300, "订单 " + std::to_string(id) + " 已关闭,不能支付"));
}

TEST_F(OrderPayHandlerTest, ValidateRefusesGoodsSoldOutOrOffSaleCountingEveryOrder) {
  const auto shirt = addGoods("T 恤", 500, 3);
  const auto a = orderGoods("[{\"goodsId\":1,\"number\":2}]"), b = orderGoods("[{\"goodsId\":1,\"number\":2}]");
  EXPECT_EQ(h.validate(0, "{\"id\":" + std::to_string(a) + "}"), 1000);
  // Both orders want 4 of the 3 left.
  EXPECT_EQ(refusal([&] { h.validate(0, "{\"id\":\"" + std::to_string(a) + "," + std::to_string(b) + "\"}"); }),
            Refusal(300, "商品「T 恤」库存不足,剩余 3 件"));
  GoodsStore goods(h.session(), 1, h.clock());
  auto off = *goods.find(shirt);
  off.onSale = false;
  goods.update(off);
  EXPECT_EQ(refusal([&] { h.validate(0, "{\"id\":" + std::to_string(a) + "}"); }),
            Refusal(300, "商品「T 恤」已下架"));
}

TEST_F(OrderPayHandlerTest, ExecuteTakesTheStockAtThePriceOfCreation) {
  const auto shirt = addGoods("T 恤", 500, 3), cup = addGoods("杯子", 100, 1);
  const auto id = orderGoods("[{\"goodsId\":1,\"number\":2},{\"goodsId\":2,\"number\":1}]");
  // A later price change does not reprice the order.
  GoodsStore goods(h.session(), 1, h.clock());
  auto dearer = *goods.find(shirt);
  dearer.price = 900;
  goods.update(dearer);
  h.ledger().balance_ = 1100;
  const auto r = h.execute(0, "{\"id\":" + std::to_string(id) + "}");
  ASSERT_EQ(r.status, Status::Done) << r.reason;
  EXPECT_EQ(status(id), "PAID");
  EXPECT_EQ(stock(shirt), 1);
  EXPECT_EQ(stock(cup), 0);
  EXPECT_EQ(h.ledger().balance_, 0);
}

TEST_F(OrderPayHandlerTest, ExecuteFailsWhenTheGoodsSoldOutMeanwhileAndLeavesTheMoney) {
  const auto shirt = addGoods("T 恤", 500, 1);
  const auto a = orderGoods("[{\"goodsId\":1,\"number\":1}]"), b = orderGoods("[{\"goodsId\":1,\"number\":1}]");
  const std::string first = "{\"id\":" + std::to_string(a) + "}", second = "{\"id\":" + std::to_string(b) + "}";
  // Both payments were created while one was left.
  ASSERT_EQ(h.validate(0, first), 500);
  ASSERT_EQ(h.validate(0, second), 500);
  h.ledger().balance_ = 1000;
  ASSERT_EQ(h.execute(0, first).status, Status::Done);
  const auto before = rows();
  const auto r = h.execute(0, second);
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "商品「T 恤」库存不足,剩余 0 件");
  EXPECT_EQ(rows(), before);
  EXPECT_EQ(status(b), "UNPAID");
  EXPECT_EQ(stock(shirt), 0);
  EXPECT_EQ(h.ledger().balance_, 500);
  EXPECT_EQ(h.ledger().entries.size(), 1u);
}

TEST_F(OrderPayHandlerTest, ExecuteFailsWhenTheGoodsWentOffSaleOrTheOrderWasClosed) {
  const auto shirt = addGoods("T 恤", 500, 5);
  const auto a = orderGoods("[{\"goodsId\":1,\"number\":1}]"), b = addOrder(300);
  GoodsStore goods(h.session(), 1, h.clock());
  auto off = *goods.find(shirt);
  off.onSale = false;
  goods.update(off);
  OrderStore(h.session(), 1, h.clock()).close(1, b);
  h.ledger().balance_ = 1000;
  const auto before = rows();
  auto r = h.execute(0, "{\"id\":" + std::to_string(a) + "}");
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "商品「T 恤」已下架");
  r = h.execute(0, "{\"id\":" + std::to_string(b) + "}");
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.reason, "订单 " + std::to_string(b) + " 已关闭,不能支付");
  EXPECT_EQ(rows(), before);
  EXPECT_EQ(stock(shirt), 5);
  EXPECT_EQ(h.ledger().balance_, 1000);
  EXPECT_TRUE(h.ledger().entries.empty());
}

TEST_F(OrderPayHandlerTest, ARepeatedStepChangesNothing) {
  const auto shirt = addGoods("T 恤", 500, 5);
  const auto id = orderGoods("[{\"goodsId\":1,\"number\":2}]");
  h.ledger().balance_ = 1500;
  const auto run = h.newPayment();
  const std::string params = "{\"id\":" + std::to_string(id) + "}";
  const auto first = h.execute(0, params, run);
  ASSERT_EQ(first.status, Status::Done) << first.reason;
  const auto before = rows();
  const auto again = h.execute(0, params, run);
  ASSERT_EQ(again.status, Status::Done) << again.reason;
  EXPECT_EQ(stringify(again.result), stringify(first.result));
  EXPECT_EQ(rows(), before);
  EXPECT_EQ(stock(shirt), 3);
  EXPECT_EQ(h.ledger().balance_, 500);
  EXPECT_EQ(h.ledger().entries.size(), 1u);
  // Another payment's step for the same order is refused: it was paid.
  const auto other = h.execute(0, params);
  EXPECT_EQ(other.status, Status::Fail);
  EXPECT_EQ(other.reason, "订单 " + std::to_string(id) + " 已支付,不能重复支付");
}

TEST_F(OrderPayHandlerTest, PostgresqlMigrationsRun) {
  if (!h.checkPostgresqlMigrations()) GTEST_SKIP() << "PAYNEXT_TEST_POSTGRESQL is not set";
}

}  // namespace
}  // namespace paynext::plugins::orders::test
