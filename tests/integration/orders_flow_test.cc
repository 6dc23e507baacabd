// The orders module end to end with its goods catalog: an admin keeps goods,
// a user orders them through /order/create (priced from the goods), pays with
// WeChat (nextAction type 0) and the order is paid and the stock taken; a
// refused payment stores nothing; two payments race for the last unit; an
// admin cancels a paid order and its stock and money go back, once.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include <Poco/JSON/Parser.h>

#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/goods_orders.h"
#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

class OrdersFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.createFactory("f1", {"orders"});
    token_ = env_.userToken("f1", "13800000000");
  }

  Poco::JSON::Object::Ptr call(const std::string& path, std::map<std::string, std::string> fields,
                               const std::string& token = "") {
    fields["token"] = token.empty() ? token_ : token;
    return env_.call("f1", path, fields);
  }
  std::string pay(const std::string& money, const std::string& nextAction, const std::string& token = "") {
    auto r = call("/pay/wx/wxapp", {{"money", money}, {"nextAction", nextAction}}, token);
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    return r->getValue<int>("code") == 0 ? r->getObject("data")->getValue<std::string>("outTradeId") : "";
  }
  Poco::JSON::Object::Ptr goods(std::int64_t id) {
    return env_.admin("GET", "/factories/f1/modules/orders/goods?id=" + std::to_string(id)).json();
  }
  std::string status(std::int64_t order, const std::string& token = "") {
    return call("/order/detail", {{"id", std::to_string(order)}}, token)->getObject("data")->getValue<std::string>("status");
  }
  double balance(const std::string& token = "") {
    return call("/user/amount", {}, token)->getObject("data")->getValue<double>("balance");
  }
  // Nothing stored and nothing spent: the state a refused payment must leave.
  std::string snapshot() {
    return std::to_string(db_.count("SELECT COUNT(*) FROM payments")) + "/" +
           std::to_string(db_.count("SELECT COUNT(*) FROM ledger_entries")) + "/" +
           db_.joined("SELECT status FROM orders_orders ORDER BY id") + "/" +
           db_.joined("SELECT stock FROM orders_goods ORDER BY id");
  }

  // An order of two shirts (12.50 each) paid with WeChat through gatewaysim.
  std::int64_t paidOrder(std::int64_t shirt) {
    const auto order = orderGoods(env_, "f1", token_, shirt, 2);
    const auto out = pay("25", "{type:0, id:" + std::to_string(order) + "}");
    env_.simPay(out);
    EXPECT_TRUE(eventually([&] { return db_.settled(out); })) << env_.log();
    EXPECT_EQ("DONE", db_.steps(out));
    return order;
  }
  HttpResult cancel(std::int64_t order, const std::string& reason) {
    return env_.admin("POST", "/factories/f1/modules/orders/orders/cancel",
                      R"({"orderId":)" + std::to_string(order) + R"(,"reason":")" + reason + "\"}");
  }
  // The user's ledger as admins see it (there is no mobile ledger route), newest first.
  Poco::JSON::Array::Ptr ledger() {
    const auto userId = db_.count("SELECT id FROM users");
    auto r = env_.admin("GET", "/factories/f1/users/" + std::to_string(userId));
    EXPECT_EQ(200, r.status) << r.body;
    return r.json()->getArray("ledger");
  }
  // Everything a cancel changes: the order, the stock, the wallet and its ledger.
  std::string cancelState() {
    return db_.joined("SELECT status || '/' || cancel_reason FROM orders_orders ORDER BY id") + "/" +
           db_.joined("SELECT stock FROM orders_goods ORDER BY id") + "/" +
           std::to_string(db_.count("SELECT balance FROM wallets")) + "/" +
           std::to_string(db_.count("SELECT COUNT(*) FROM ledger_entries"));
  }

  PaynextEnv env_{EnvOptions{{"orders"}}};
  DbProbe db_{env_.storage()};
  std::string token_;
};

TEST_F(OrdersFlowTest, GoodsOrdersPaidWithWeChatTakeTheStock) {
  const auto shirt = addGoods(env_, "f1", "T 恤", "12.50", 5), cup = addGoods(env_, "f1", "杯子", "3", 2);
  addGoods(env_, "f1", "下架品", "1", 2, false);
  // Anyone sees the goods on sale, without a token.
  auto catalog = env_.call("f1", "/order/goods", {});
  ASSERT_EQ(0, catalog->getValue<int>("code")) << catalog->getValue<std::string>("msg");
  EXPECT_EQ(2u, catalog->getArray("data")->size());
  auto created = call("/order/create", {{"goodsJsonStr", R"([{"goodsId":")" + std::to_string(shirt) +
                                                             R"(","number":"2"},{"goodsId":)" + std::to_string(cup) +
                                                             R"(,"number":1}])"}});
  ASSERT_EQ(0, created->getValue<int>("code")) << created->getValue<std::string>("msg");
  EXPECT_DOUBLE_EQ(28, created->getObject("data")->getValue<double>("amount"));
  const auto a = created->getObject("data")->getValue<std::int64_t>("id");
  const auto b = orderGoods(env_, "f1", token_, cup);
  EXPECT_EQ(5, goods(shirt)->getValue<int>("stock"));  // not taken before payment

  const auto out = pay("31", "{type:0, id:\"" + std::to_string(a) + "," + std::to_string(b) + "\"}");
  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return db_.settled(out); })) << env_.log();
  EXPECT_EQ("DONE", db_.steps(out));
  EXPECT_EQ("PAID", status(a));
  EXPECT_EQ("PAID", status(b));
  EXPECT_EQ(3, goods(shirt)->getValue<int>("stock"));
  EXPECT_EQ(0, goods(cup)->getValue<int>("stock"));
  EXPECT_DOUBLE_EQ(0, balance());
  auto detail = call("/order/detail", {{"id", std::to_string(a)}})->getObject("data");
  EXPECT_EQ(2u, detail->getArray("goods")->size());
  EXPECT_DOUBLE_EQ(12.5, detail->getArray("goods")->getObject(0)->getValue<double>("price"));
  // Admins see it in the module's order list.
  auto listed = env_.admin("GET", "/factories/f1/modules/orders/orders?status=PAID");
  ASSERT_EQ(200, listed.status) << listed.body;
  EXPECT_EQ(2u, Poco::JSON::Parser().parse(listed.body).extract<Poco::JSON::Array::Ptr>()->size());
}

TEST_F(OrdersFlowTest, RefusedPaymentsStoreNothing) {
  const auto shirt = addGoods(env_, "f1", "T 恤", "12.50", 1);
  const auto order = orderGoods(env_, "f1", token_, shirt);
  const auto closed = orderGoods(env_, "f1", token_, shirt);
  ASSERT_EQ(0, call("/order/close", {{"orderId", std::to_string(closed)}})->getValue<int>("code"));
  const std::string before = snapshot();
  auto refused = [&](const std::string& money, const std::string& nextAction, const std::string& msg) {
    auto r = call("/pay/wx/wxapp", {{"money", money}, {"nextAction", nextAction}});
    EXPECT_NE(0, r->getValue<int>("code")) << nextAction;
    if (!msg.empty()) {
      EXPECT_EQ("nextAction 第 1 步:" + msg, r->getValue<std::string>("msg")) << nextAction;
    }
  };
  refused("12.5", "{type:0, id:\"OD1807220151884127\"}",
          "参数 id 应为待支付订单的 id(接口返回的纯数字编号),不是 OD 开头的订单号");
  refused("12.5", "{type:0, id:" + std::to_string(closed) + "}", "订单 " + std::to_string(closed) + " 已关闭,不能支付");
  // The price is the goods', not the payment's: 1.00 and an empty wallet cannot cover 12.50.
  refused("1", "{type:0, id:" + std::to_string(order) + "}", "");
  EXPECT_EQ(before, snapshot());
}

TEST_F(OrdersFlowTest, TheMobileRouteRefusesAnAmountAndTheAdminRouteTakesOne) {
  auto r = call("/order/create", {{"amount", "0.01"}, {"title", "便宜货"}});
  EXPECT_EQ(300, r->getValue<int>("code"));
  EXPECT_EQ("不接受参数 amount:订单按商品计价,请用 goodsJsonStr 给出商品和数量", r->getValue<std::string>("msg"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM orders_orders"));

  const auto userId = db_.count("SELECT id FROM users");
  auto created = env_.admin("POST", "/factories/f1/modules/orders/orders",
                            R"({"userId":)" + std::to_string(userId) + R"(,"title":"线下补单","amount":"8.80"})");
  ASSERT_EQ(201, created.status) << created.body;
  const auto order = created.json()->getValue<std::int64_t>("id");
  const auto out = pay("8.80", "{type:0, id:" + std::to_string(order) + "}");
  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return db_.settled(out); })) << env_.log();
  EXPECT_EQ("PAID", status(order));
  EXPECT_DOUBLE_EQ(0, balance());
}

TEST_F(OrdersFlowTest, AnOrderClosedAfterItsPaymentWasCreatedFailsItsStep) {
  const auto shirt = addGoods(env_, "f1", "T 恤", "12.50", 5);
  const auto order = orderGoods(env_, "f1", token_, shirt);
  const auto out = pay("12.5", "{type:0, id:" + std::to_string(order) + "}");
  auto closed = call("/order/close", {{"id", std::to_string(order)}});
  ASSERT_EQ(0, closed->getValue<int>("code")) << closed->getValue<std::string>("msg");
  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return db_.settled(out); })) << env_.log();
  EXPECT_EQ("FAILED", db_.steps(out));
  EXPECT_EQ("订单 " + std::to_string(order) + " 已关闭,不能支付", db_.text("SELECT last_error FROM chain_steps"));
  EXPECT_EQ("CLOSED", status(order));
  EXPECT_EQ(5, goods(shirt)->getValue<int>("stock"));
  EXPECT_DOUBLE_EQ(12.5, balance());
}

TEST_F(OrdersFlowTest, TwoPaymentsRaceForTheLastUnit) {
  const auto last = addGoods(env_, "f1", "最后一件", "12.50", 1);
  const auto other = env_.userToken("f1", "13900000000");
  const auto mine = orderGoods(env_, "f1", token_, last), theirs = orderGoods(env_, "f1", other, last);
  const auto first = pay("12.5", "{type:0, id:" + std::to_string(mine) + "}");
  const auto second = pay("12.5", "{type:0, id:" + std::to_string(theirs) + "}", other);
  env_.simPayAtOnce({first, second});
  ASSERT_TRUE(eventually([&] { return db_.settled(first) && db_.settled(second); })) << env_.log();
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'DONE'"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'FAILED'"));
  EXPECT_EQ("商品「最后一件」库存不足,剩余 0 件", db_.text("SELECT last_error FROM chain_steps WHERE status = 'FAILED'"));
  EXPECT_EQ(0, goods(last)->getValue<int>("stock"));
  // The winner's order is paid from its money; the loser's money stays in its wallet.
  const bool firstWon = db_.steps(first) == "DONE";
  EXPECT_EQ(firstWon ? "PAID" : "UNPAID", status(mine));
  EXPECT_EQ(firstWon ? "UNPAID" : "PAID", status(theirs, other));
  EXPECT_DOUBLE_EQ(firstWon ? 0 : 12.5, balance());
  EXPECT_DOUBLE_EQ(firstWon ? 12.5 : 0, balance(other));
}

TEST_F(OrdersFlowTest, AnAdminCancelsAPaidOrderAndItsStockAndMoneyGoBackOnce) {
  const auto shirt = addGoods(env_, "f1", "T 恤", "12.50", 5);
  const auto order = paidOrder(shirt);
  EXPECT_EQ("PAID", status(order));
  EXPECT_EQ(3, goods(shirt)->getValue<int>("stock"));
  EXPECT_DOUBLE_EQ(0, balance());

  auto r = cancel(order, "商家缺货");
  ASSERT_EQ(201, r.status) << r.body;
  EXPECT_EQ("CANCELLED", r.json()->getValue<std::string>("status"));
  EXPECT_EQ("商家缺货", r.json()->getValue<std::string>("cancelReason"));
  EXPECT_DOUBLE_EQ(25, balance());
  EXPECT_EQ(5, goods(shirt)->getValue<int>("stock"));
  auto detail = call("/order/detail", {{"id", std::to_string(order)}})->getObject("data");
  EXPECT_EQ("CANCELLED", detail->getValue<std::string>("status"));
  EXPECT_EQ("商家缺货", detail->getValue<std::string>("cancelReason"));
  auto listed = call("/order/list", {{"status", "CANCELLED"}});
  ASSERT_EQ(0, listed->getValue<int>("code")) << listed->getValue<std::string>("msg");
  EXPECT_EQ(order, listed->getArray("data")->getObject(0)->getValue<std::int64_t>("id"));
  // The newest ledger entry gives back what the order's step debited.
  auto entries = ledger();
  ASSERT_EQ(3u, entries->size());  // the channel's credit, the step's debit, the cancel's credit
  EXPECT_EQ(-2500, entries->getObject(1)->getValue<std::int64_t>("amount"));
  EXPECT_EQ("orders:" + std::to_string(order), entries->getObject(1)->getValue<std::string>("reference"));
  EXPECT_EQ(2500, entries->getObject(0)->getValue<std::int64_t>("amount"));
  EXPECT_EQ(2500, entries->getObject(0)->getValue<std::int64_t>("balanceAfter"));
  EXPECT_EQ("订单取消退款:商家缺货", entries->getObject(0)->getValue<std::string>("reason"));
  EXPECT_EQ("order-cancel:" + std::to_string(order), entries->getObject(0)->getValue<std::string>("reference"));

  // Cancelling again is refused and changes nothing.
  const std::string before = cancelState();
  r = cancel(order, "再次取消");
  EXPECT_EQ(400, r.status);
  EXPECT_EQ("订单 " + std::to_string(order) + " 已取消,不能重复取消",
            r.json()->getObject("error")->getValue<std::string>("message"));
  EXPECT_EQ(before, cancelState());
  EXPECT_DOUBLE_EQ(25, balance());
}

TEST_F(OrdersFlowTest, CancelRefusalsChangeNothing) {
  const auto shirt = addGoods(env_, "f1", "T 恤", "12.50", 5);
  const auto unpaid = orderGoods(env_, "f1", token_, shirt);
  const std::string before = cancelState();
  auto r = cancel(unpaid, "缺货");
  EXPECT_EQ(400, r.status);
  EXPECT_EQ("订单 " + std::to_string(unpaid) + " 未支付,不能取消;未支付的订单请关闭",
            r.json()->getObject("error")->getValue<std::string>("message"));
  r = cancel(unpaid + 100, "缺货");
  EXPECT_EQ(404, r.status);
  EXPECT_EQ("订单 " + std::to_string(unpaid + 100) + " 不存在",
            r.json()->getObject("error")->getValue<std::string>("message"));
  r = cancel(unpaid, "");
  EXPECT_EQ(400, r.status);
  EXPECT_EQ("缺少参数 reason", r.json()->getObject("error")->getValue<std::string>("message"));
  EXPECT_EQ(before, cancelState());
}

TEST_F(OrdersFlowTest, TwoCancelsAtOnceCreditOnce) {
  const auto shirt = addGoods(env_, "f1", "T 恤", "12.50", 5);
  const auto order = paidOrder(shirt);
  std::atomic<int> cancelled{0}, refused{0};
  auto cancelOnce = [&] {
    const auto r = cancel(order, "并发取消");
    if (r.status == 201) ++cancelled;
    if (r.status == 400 && r.body.find("已取消,不能重复取消") != std::string::npos) ++refused;
  };
  std::thread a(cancelOnce), b(cancelOnce);
  a.join();
  b.join();
  EXPECT_EQ(1, cancelled.load());
  EXPECT_EQ(1, refused.load());
  EXPECT_DOUBLE_EQ(25, balance());
  EXPECT_EQ(5, goods(shirt)->getValue<int>("stock"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM ledger_entries WHERE reference = 'order-cancel:" +
                         std::to_string(order) + "'"));
  EXPECT_EQ("CANCELLED", status(order));
}

}  // namespace
}  // namespace paynext::testing
