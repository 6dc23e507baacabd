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
  EXPECT_EQ(module.version(), "1.1.0");
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

}  // namespace
}  // namespace paynext::plugins::orders::test
