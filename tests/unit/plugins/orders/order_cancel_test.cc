#include "plugins/orders/admin_routes.h"

#include "orders_test_support.h"

namespace paynext::plugins::orders::test {
namespace {

using Status = sdk::StepResult::Status;

class OrderCancelTest : public OrdersTest {
 protected:
  void SetUp() override { h.users().add(2, "另一位"); }

  sdk::RouteResponse cancel(const std::string& json) {
    return h.callAs(sdk::Audience::Admin, "POST", "/orders/cancel", json);
  }
  sdk::RouteResponse cancel(std::int64_t id, const std::string& reason = "缺货") {
    return cancel("{\"orderId\":" + std::to_string(id) + ",\"reason\":" + quoted(reason) + "}");
  }
  void refused(const std::string& json, int code, const std::string& msg) {
    const auto r = cancel(json);
    EXPECT_EQ(r.code, code) << json;
    EXPECT_EQ(r.msg, msg) << json;
  }
  // The user's order of goods, paid from the wallet through /order/pay.
  std::int64_t paidOrder(const std::string& goodsJson, sdk::Fen amount, std::int64_t userId = 1) {
    const auto id = orderGoods(goodsJson, userId);
    h.ledger(userId).balance_ += amount;
    h.setUser(userId);
    const auto r = h.call("POST", "/order/pay", "{\"id\":" + std::to_string(id) + "}");
    h.setUser(1);
    EXPECT_EQ(r.code, 0) << r.msg;
    return id;
  }
  // Everything a cancel may change: orders, stock, and the wallets of users 1 and 2.
  std::vector<std::string> state() {
    auto out = h.rows("SELECT id, status, cancel_reason, cancelled_at, paid_at, paid_reference FROM orders_orders "
                      "ORDER BY id");
    for (const auto& g : goodsRows()) out.push_back(g);
    for (const std::int64_t user : {1, 2}) {
      out.push_back(std::to_string(h.ledger(user).balance_) + "/" + std::to_string(h.ledger(user).points_) + "/" +
                    std::to_string(h.ledger(user).entries.size()));
    }
    return out;
  }
};

TEST_F(OrderCancelTest, APaidOrderIsCancelledItsStockAndMoneyGoBack) {
  const auto shirt = addGoods("T 恤", 1250, 5), cup = addGoods("杯子", 300, 2);
  const auto id = paidOrder(R"([{"goodsId":1,"number":2},{"goodsId":2,"number":1}])", 2800);
  EXPECT_EQ(stock(shirt), 3);
  EXPECT_EQ(stock(cup), 1);
  EXPECT_EQ(h.ledger().balance_, 0);
  h.clock().advance(60000);

  const auto r = cancel(id, "商家缺货");
  ASSERT_EQ(r.code, 0) << r.msg;
  const auto order = object(r.data);
  EXPECT_EQ(order->getValue<std::string>("status"), "CANCELLED");
  EXPECT_EQ(order->getValue<std::string>("cancelReason"), "商家缺货");
  EXPECT_EQ(order->getValue<Poco::Int64>("cancelledAt"), h.clock().now);
  EXPECT_EQ(order->getValue<Poco::Int64>("userId"), 1);
  EXPECT_EQ(order->getValue<double>("amount"), 28.0);
  // The stock exactly as paying took it, the money exactly as the pay step debited it.
  EXPECT_EQ(stock(shirt), 5);
  EXPECT_EQ(stock(cup), 2);
  EXPECT_EQ(h.ledger().balance_, 2800);
  ASSERT_EQ(h.ledger().entries.size(), 2u);
  EXPECT_EQ(h.ledger().entries[0].amount, -2800);
  EXPECT_EQ(h.ledger().entries[1].currency, "balance");
  EXPECT_EQ(h.ledger().entries[1].amount, 2800);
  EXPECT_EQ(h.ledger().entries[1].reason, "订单取消退款:商家缺货");
  EXPECT_EQ(h.ledger().entries[1].reference, "order-cancel:" + std::to_string(id));
  // The payment stays recorded on the order.
  EXPECT_EQ(h.rows("SELECT status, cancel_reason, cancelled_at, paid_reference FROM orders_orders"),
            std::vector<std::string>{"CANCELLED/商家缺货/" + std::to_string(h.clock().now) + "/wallet"});
}

TEST_F(OrderCancelTest, TheUserSeesTheCancelledStatusAndReason) {
  addGoods("T 恤", 1250, 5);
  const auto id = paidOrder(R"([{"goodsId":1,"number":1}])", 1250);
  ASSERT_EQ(cancel(id, "商家缺货").code, 0);
  auto r = h.callAs(sdk::Audience::User, "*", "/order/detail", "{\"id\":" + std::to_string(id) + "}");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r.data)->getValue<std::string>("status"), "CANCELLED");
  EXPECT_EQ(object(r.data)->getValue<std::string>("cancelReason"), "商家缺货");
  EXPECT_EQ(object(r.data)->getValue<Poco::Int64>("cancelledAt"), h.clock().now);
  r = h.callAs(sdk::Audience::User, "*", "/order/list", R"({"status":"CANCELLED"})");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r.data)->size(), 1u);
  EXPECT_EQ(array(r.data)->getObject(0)->getValue<std::string>("cancelReason"), "商家缺货");
  EXPECT_EQ(idsOf(h.callAs(sdk::Audience::Admin, "GET", "/orders", R"({"status":"CANCELLED"})")),
            std::vector<std::int64_t>{id});
  // Orders that are not cancelled say nothing of it.
  const auto unpaid = orderGoods(R"([{"goodsId":1,"number":1}])");
  r = h.callAs(sdk::Audience::User, "*", "/order/detail", "{\"id\":" + std::to_string(unpaid) + "}");
  EXPECT_FALSE(object(r.data)->has("cancelReason"));
  EXPECT_FALSE(object(r.data)->has("cancelledAt"));
}

TEST_F(OrderCancelTest, OneOrderOfAPaymentOfSeveralGivesBackItsOwnShare) {
  const auto shirt = addGoods("T 恤", 500, 10);
  const auto a = orderGoods(R"([{"goodsId":1,"number":2}])"), b = orderGoods(R"([{"goodsId":1,"number":3}])");
  h.ledger().balance_ = 2500;
  ASSERT_EQ(h.execute(0, "{\"id\":\"" + std::to_string(a) + "," + std::to_string(b) + "\"}").status, Status::Done);
  EXPECT_EQ(stock(shirt), 5);
  ASSERT_EQ(h.ledger().entries.size(), 1u);
  EXPECT_EQ(h.ledger().entries[0].amount, -2500);  // one debit for both

  ASSERT_EQ(cancel(b).code, 0);
  EXPECT_EQ(stock(shirt), 8);
  EXPECT_EQ(h.ledger().balance_, 1500);
  EXPECT_EQ(status(a), "PAID");
  EXPECT_EQ(status(b), "CANCELLED");
}

TEST_F(OrderCancelTest, StockGoesBackToGoodsTakenOffSaleSinceAndAnOrderWithoutGoodsGivesMoneyOnly) {
  const auto shirt = addGoods("T 恤", 500, 1);
  const auto id = paidOrder(R"([{"goodsId":1,"number":1}])", 500);
  GoodsStore goods(h.session(), 1, h.clock());
  auto off = *goods.find(shirt);
  off.onSale = false;
  ASSERT_TRUE(goods.update(off));
  ASSERT_EQ(cancel(id).code, 0);
  EXPECT_EQ(goodsRows(), std::vector<std::string>{"1/1/1/0"});

  // An admin's order of an amount has no goods: only its money goes back.
  const auto amountOnly = addOrder(880);
  h.ledger().balance_ += 880;
  ASSERT_EQ(h.execute(0, "{\"id\":" + std::to_string(amountOnly) + "}").status, Status::Done);
  const auto goodsBefore = goodsRows();
  ASSERT_EQ(cancel(amountOnly).code, 0);
  EXPECT_EQ(goodsRows(), goodsBefore);
  EXPECT_EQ(h.ledger().balance_, 500 + 880);
}

TEST_F(OrderCancelTest, AnotherUsersOrderCreditsThatUsersWallet) {
  addGoods("T 恤", 500, 5);
  const auto id = paidOrder(R"([{"goodsId":1,"number":1}])", 500, 2);
  ASSERT_EQ(cancel(id).code, 0);
  EXPECT_EQ(h.ledger(2).balance_, 500);
  EXPECT_EQ(h.ledger(1).balance_, 0);
  EXPECT_TRUE(h.ledger(1).entries.empty());
}

TEST_F(OrderCancelTest, CancellingTwiceChangesNothingTheSecondTime) {
  addGoods("T 恤", 500, 5);
  const auto id = paidOrder(R"([{"goodsId":1,"number":2}])", 1000);
  ASSERT_EQ(cancel(id, "第一次").code, 0);
  const auto before = state();
  h.clock().advance(1000);
  refused("{\"orderId\":" + std::to_string(id) + ",\"reason\":\"第二次\"}", 300,
          "订单 " + std::to_string(id) + " 已取消,不能重复取消");
  EXPECT_EQ(state(), before);
}

TEST_F(OrderCancelTest, UnpaidClosedUnknownAndOtherFactoriesOrdersAreRefusedAndNothingChanges) {
  addGoods("T 恤", 500, 5);
  const auto paid = paidOrder(R"([{"goodsId":1,"number":1}])", 500);
  const auto unpaid = orderGoods(R"([{"goodsId":1,"number":1}])");
  const auto closed = orderGoods(R"([{"goodsId":1,"number":1}])");
  ASSERT_TRUE(OrderStore(h.session(), 1, h.clock()).close(1, closed));
  const auto elsewhere = addOrder(500, 1, 2);
  ASSERT_TRUE(OrderStore(h.session(), 2, h.clock()).markPaid(1, elsewhere, "elsewhere", 1));
  const auto before = state();
  const auto request = [](std::int64_t id) { return "{\"orderId\":" + std::to_string(id) + ",\"reason\":\"缺货\"}"; };
  refused(request(unpaid), 300, "订单 " + std::to_string(unpaid) + " 未支付,不能取消;未支付的订单请关闭");
  refused(request(closed), 300, "订单 " + std::to_string(closed) + " 已关闭,不能取消");
  refused(request(999), 700, "订单 999 不存在");
  refused(request(elsewhere), 700, "订单 " + std::to_string(elsewhere) + " 不存在");
  EXPECT_EQ(state(), before);
  EXPECT_EQ(status(paid), "PAID");
}

TEST_F(OrderCancelTest, BadParamsAreRefusedNamingTheFieldAndNothingChanges) {
  addGoods("T 恤", 500, 5);
  const auto id = paidOrder(R"([{"goodsId":1,"number":1}])", 500);
  const std::string order = "\"orderId\":" + std::to_string(id);
  const auto before = state();
  refused(R"({"reason":"缺货"})", 300, "缺少参数 orderId");
  refused(R"({"orderId":"x","reason":"缺货"})", 300, "参数 orderId 格式错误,应为整数");
  refused(R"({"orderId":0,"reason":"缺货"})", 300, "参数 orderId 格式错误,应为正整数");
  refused("{" + order + "}", 300, "缺少参数 reason");
  refused("{" + order + R"(,"reason":""})", 300, "缺少参数 reason");
  refused("{" + order + R"(,"reason":"  "})", 300, "缺少参数 reason");
  refused("{" + order + R"(,"reason":{}})", 300, "参数 reason 格式错误,应为字符串");
  refused("{" + order + R"(,"reason":")" + std::string(201, 'x') + "\"}", 300, "参数 reason 不能超过 200 字节");
  EXPECT_EQ(state(), before);
  // 200 bytes is allowed (67 three-byte characters would be 201).
  ASSERT_EQ(cancel(id, std::string(200, 'x')).code, 0);
}

TEST_F(OrderCancelTest, ACancelledOrderCannotBePaidOrClosedAndItsStepRunAgainIsStillDone) {
  const auto shirt = addGoods("T 恤", 500, 5);
  const auto id = orderGoods(R"([{"goodsId":1,"number":1}])");
  h.ledger().balance_ = 500;
  const auto run = h.newPayment();
  const std::string params = "{\"id\":" + std::to_string(id) + "}";
  const auto first = h.execute(0, params, run);
  ASSERT_EQ(first.status, Status::Done) << first.reason;
  ASSERT_EQ(cancel(id).code, 0);
  const auto before = state();
  // The step that paid it, run again, answers as before and takes nothing.
  const auto again = h.execute(0, params, run);
  ASSERT_EQ(again.status, Status::Done) << again.reason;
  EXPECT_EQ(stringify(again.result), stringify(first.result));
  EXPECT_EQ(refusal([&] { h.validate(0, params); }),
            std::make_pair(300, "订单 " + std::to_string(id) + " 已取消,不能支付"));
  const auto other = h.execute(0, params);
  EXPECT_EQ(other.status, Status::Fail);
  EXPECT_EQ(other.reason, "订单 " + std::to_string(id) + " 已取消,不能支付");
  auto r = h.callAs(sdk::Audience::User, "POST", "/order/pay", params);
  EXPECT_EQ(r.msg, "订单 " + std::to_string(id) + " 已取消,不能支付");
  r = h.callAs(sdk::Audience::User, "POST", "/order/close", params);
  EXPECT_EQ(r.code, 300);
  EXPECT_EQ(r.msg, "订单已取消,不能关闭");
  h.checkout().fenPerPoint = 1;
  r = h.call("POST", "/order/payNow",
             "{\"order_id\":" + std::to_string(id) + R"(,"pay_method":1,"pay_price":5,"address_id":7,"freight_mode":1})");
  EXPECT_EQ(stringify(r.body), R"({"status":0,"msg":"订单已取消,不能支付","data":[]})");
  EXPECT_TRUE(h.checkout().requests.empty());
  EXPECT_EQ(state(), before);
  EXPECT_EQ(stock(shirt), 5);
}

}  // namespace
}  // namespace paynext::plugins::orders::test
