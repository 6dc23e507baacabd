#pragma once
// Shared set-up for the orders plugin tests: a harness over OrdersModule and
// a snapshot of the table, so a refusal can be shown to have changed nothing.
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>
#include <Poco/JSON/Array.h>
#include <Poco/Tuple.h>
#include <gtest/gtest.h>

#include "paynext/sdk/testing/harness.h"
#include "plugins/orders/goods_store.h"
#include "plugins/orders/order_store.h"
#include "plugins/orders/orders_module.h"

namespace paynext::plugins::orders::test {

class OrdersTest : public ::testing::Test {
 protected:
  sdk::testing::Harness h{std::make_shared<OrdersModule>()};

  std::int64_t addOrder(sdk::Fen amount, std::int64_t userId = 1, std::int64_t factoryId = 1) {
    OrderStore store(h.session(), factoryId, h.clock());
    return store.create(userId, "测试订单", amount).id;
  }

  std::int64_t addGoods(const std::string& name, sdk::Fen price, std::int64_t stock, bool onSale = true,
                        std::int64_t factoryId = 1) {
    GoodsStore store(h.session(), factoryId, h.clock());
    Goods goods;
    goods.name = name;
    goods.price = price;
    goods.stock = stock;
    goods.onSale = onSale;
    return store.create(goods).id;
  }

  // An unpaid order of goods, as /order/create makes it.
  std::int64_t orderGoods(const std::string& goodsJson, std::int64_t userId = 1) {
    h.setUser(userId);
    const auto r = h.callAs(sdk::Audience::User, "POST", "/order/create",
                            "{\"goodsJsonStr\":" + quoted(goodsJson) + "}");
    h.setUser(1);
    EXPECT_EQ(r.code, 0) << r.msg;
    return r.code == 0 ? r.data.extract<Poco::JSON::Object::Ptr>()->getValue<Poco::Int64>("id") : 0;
  }

  static std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    return out + "\"";
  }

  // Every goods as "id/factory/stock/onSale".
  std::vector<std::string> goodsRows() {
    using namespace Poco::Data::Keywords;
    std::vector<Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, int>> all;
    h.session() << "SELECT id, factory_id, stock, on_sale FROM orders_goods ORDER BY id", into(all), now;
    std::vector<std::string> out;
    for (const auto& r : all) {
      out.push_back(std::to_string(r.get<0>()) + "/" + std::to_string(r.get<1>()) + "/" + std::to_string(r.get<2>()) +
                    "/" + std::to_string(r.get<3>()));
    }
    return out;
  }

  // Every order line as "order/goods/name/price/number/amount".
  std::vector<std::string> lineRows() {
    using namespace Poco::Data::Keywords;
    std::vector<Poco::Tuple<Poco::Int64, Poco::Int64, std::string, Poco::Int64, Poco::Int64, Poco::Int64>> all;
    h.session() << "SELECT order_id, goods_id, name, price, number, amount FROM orders_lines ORDER BY id", into(all),
        now;
    std::vector<std::string> out;
    for (const auto& r : all) {
      out.push_back(std::to_string(r.get<0>()) + "/" + std::to_string(r.get<1>()) + "/" + r.get<2>() + "/" +
                    std::to_string(r.get<3>()) + "/" + std::to_string(r.get<4>()) + "/" + std::to_string(r.get<5>()));
    }
    return out;
  }

  std::int64_t stock(std::int64_t goodsId) {
    using namespace Poco::Data::Keywords;
    Poco::Int64 s = -1;
    h.session() << "SELECT stock FROM orders_goods WHERE id = $1", use(goodsId), into(s), now;
    return s;
  }

  void markPaid(std::int64_t id, std::int64_t userId = 1) {
    OrderStore store(h.session(), 1, h.clock());
    ASSERT_TRUE(store.markPaid(userId, id, "elsewhere", 1));
  }

  // Every row as "id/factory/user/amount/status/paidAt/paidReference", paidAt "t" when set.
  std::vector<std::string> rows() {
    using namespace Poco::Data::Keywords;
    std::vector<Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, std::string, Poco::Int64, std::string>>
        all;
    h.session() << "SELECT id, factory_id, user_id, amount, status, paid_at, paid_reference FROM orders_orders "
                   "ORDER BY id",
        into(all), now;
    std::vector<std::string> out;
    for (const auto& r : all) {
      out.push_back(std::to_string(r.get<0>()) + "/" + std::to_string(r.get<1>()) + "/" + std::to_string(r.get<2>()) +
                    "/" + std::to_string(r.get<3>()) + "/" + r.get<4>() + "/" + (r.get<5>() ? "t" : "0") + "/" +
                    r.get<6>());
    }
    return out;
  }

  std::string status(std::int64_t id) {
    std::string s;
    using namespace Poco::Data::Keywords;
    h.session() << "SELECT status FROM orders_orders WHERE id = $1", use(id), into(s), now;
    return s;
  }
};

using sdk::testing::refusal;

inline std::string stringify(const Poco::Dynamic::Var& v) {
  std::ostringstream out;
  if (v.type() == typeid(Poco::JSON::Object::Ptr)) v.extract<Poco::JSON::Object::Ptr>()->stringify(out);
  else if (v.type() == typeid(Poco::JSON::Array::Ptr)) v.extract<Poco::JSON::Array::Ptr>()->stringify(out);
  else out << v.toString();
  return out.str();
}

inline Poco::JSON::Object::Ptr object(const Poco::Dynamic::Var& v) { return v.extract<Poco::JSON::Object::Ptr>(); }
inline Poco::JSON::Array::Ptr array(const Poco::Dynamic::Var& v) { return v.extract<Poco::JSON::Array::Ptr>(); }

// The ids of a list a route answered (none when it refused).
inline std::vector<std::int64_t> idsOf(const sdk::RouteResponse& r) {
  EXPECT_EQ(r.code, 0) << r.msg;
  std::vector<std::int64_t> out;
  if (r.code != 0) return out;
  for (const auto& o : *array(r.data)) out.push_back(o.extract<Poco::JSON::Object::Ptr>()->getValue<Poco::Int64>("id"));
  return out;
}

}  // namespace paynext::plugins::orders::test
