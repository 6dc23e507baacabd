#include "orders_module.h"

#include <memory>

#include "order_pay_handler.h"
#include "order_routes.h"

namespace paynext::plugins::orders {

std::vector<sdk::ActionType> OrdersModule::actionTypes() {
  return {{0,
           "支付商城订单",
           {{"id", "ids", true, "待支付订单的 id(数字编号,不是 OD 开头的订单号),多个用英文逗号分隔,如 \"77,88,99\""}},
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
  };
}

std::vector<sdk::Route> OrdersModule::routes() { return orderRoutes(); }

}  // namespace paynext::plugins::orders
