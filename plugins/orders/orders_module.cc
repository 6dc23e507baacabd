#include "orders_module.h"

#include <memory>

#include "admin_routes.h"
#include "order_pay_handler.h"
#include "order_routes.h"

namespace paynext::plugins::orders {

std::vector<sdk::ActionType> OrdersModule::actionTypes() {
  return {{0,
           "支付商城订单",
           {{"id", "ids", true, "待支付订单的 id(数字编号,不是 OD 开头的订单号),多个用英文逗号分隔,如 \"77,88,99\""},
            {"address_id", "int", false, "收货地址 id;给出时订单支付后记下收货信息"},
            {"freight_mode", "int", false, "与 address_id 同给:1 包邮,2 不包邮"},
            {"freight_json_arr_key", "int", false, "freight_mode=2 时必填:1 到付,2 商家自选"}},
           std::make_shared<OrderPayHandler>()}};
}

std::vector<sdk::Migration> OrdersModule::migrations() const {
  // One statement per version: Poco runs one statement per call.
  return {
      {1,
       "CREATE TABLE orders_orders (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, user_id INTEGER NOT NULL, "
       "order_number TEXT NOT NULL, title TEXT NOT NULL, amount INTEGER NOT NULL, status TEXT NOT NULL, "
       "created_at INTEGER NOT NULL, paid_at INTEGER NOT NULL DEFAULT 0, paid_reference TEXT NOT NULL DEFAULT '')",
       "CREATE TABLE orders_orders (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, user_id BIGINT NOT NULL, "
       "order_number TEXT NOT NULL, title TEXT NOT NULL, amount BIGINT NOT NULL, status TEXT NOT NULL, "
       "created_at BIGINT NOT NULL, paid_at BIGINT NOT NULL DEFAULT 0, paid_reference TEXT NOT NULL DEFAULT '')"},
      {2, "CREATE INDEX orders_orders_user ON orders_orders (factory_id, user_id, id)",
       "CREATE INDEX orders_orders_user ON orders_orders (factory_id, user_id, id)"},
      {3, "ALTER TABLE orders_orders ADD COLUMN address_id INTEGER NOT NULL DEFAULT 0",
       "ALTER TABLE orders_orders ADD COLUMN address_id BIGINT NOT NULL DEFAULT 0"},
      {4, "ALTER TABLE orders_orders ADD COLUMN freight_mode INTEGER NOT NULL DEFAULT 0",
       "ALTER TABLE orders_orders ADD COLUMN freight_mode INTEGER NOT NULL DEFAULT 0"},
      {5, "ALTER TABLE orders_orders ADD COLUMN freight_key INTEGER NOT NULL DEFAULT 0",
       "ALTER TABLE orders_orders ADD COLUMN freight_key INTEGER NOT NULL DEFAULT 0"},
      // The goods catalog orders are priced from (type 0 since 1.2.0).
      {6,
       "CREATE TABLE orders_goods (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, name TEXT NOT NULL, "
       "price INTEGER NOT NULL, stock INTEGER NOT NULL, on_sale INTEGER NOT NULL, created_at INTEGER NOT NULL, "
       "updated_at INTEGER NOT NULL)",
       "CREATE TABLE orders_goods (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, name TEXT NOT NULL, "
       "price BIGINT NOT NULL, stock BIGINT NOT NULL, on_sale INTEGER NOT NULL, created_at BIGINT NOT NULL, "
       "updated_at BIGINT NOT NULL)"},
      {7, "CREATE INDEX orders_goods_factory ON orders_goods (factory_id, id)",
       "CREATE INDEX orders_goods_factory ON orders_goods (factory_id, id)"},
      // An order's goods with their price at creation.
      {8,
       "CREATE TABLE orders_lines (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, order_id INTEGER NOT NULL, "
       "goods_id INTEGER NOT NULL, name TEXT NOT NULL, price INTEGER NOT NULL, number INTEGER NOT NULL, "
       "amount INTEGER NOT NULL)",
       "CREATE TABLE orders_lines (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, order_id BIGINT NOT NULL, "
       "goods_id BIGINT NOT NULL, name TEXT NOT NULL, price BIGINT NOT NULL, number BIGINT NOT NULL, "
       "amount BIGINT NOT NULL)"},
      {9, "CREATE INDEX orders_lines_order ON orders_lines (factory_id, order_id, id)",
       "CREATE INDEX orders_lines_order ON orders_lines (factory_id, order_id, id)"},
      // The admins' list of all of a factory's orders.
      {10, "CREATE INDEX orders_orders_factory ON orders_orders (factory_id, id)",
       "CREATE INDEX orders_orders_factory ON orders_orders (factory_id, id)"},
      // Why and when an admin cancelled a paid order (1.3.0).
      {11, "ALTER TABLE orders_orders ADD COLUMN cancel_reason TEXT NOT NULL DEFAULT ''",
       "ALTER TABLE orders_orders ADD COLUMN cancel_reason TEXT NOT NULL DEFAULT ''"},
      {12, "ALTER TABLE orders_orders ADD COLUMN cancelled_at INTEGER NOT NULL DEFAULT 0",
       "ALTER TABLE orders_orders ADD COLUMN cancelled_at BIGINT NOT NULL DEFAULT 0"},
  };
}

std::vector<sdk::Route> OrdersModule::routes() {
  std::vector<sdk::Route> all = orderRoutes();
  for (auto& r : adminRoutes()) all.push_back(std::move(r));
  return all;
}

}  // namespace paynext::plugins::orders
