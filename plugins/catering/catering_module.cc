#include "catering_module.h"

#include <memory>

#include "admin_routes.h"
#include "pay_order_handler.h"
#include "user_routes.h"

namespace paynext::plugins::catering {

std::vector<sdk::ActionType> CateringModule::actionTypes() {
  return {{9,
           "餐饮-扫码点餐-买单",
           {{"orderId", "int", true,
             "扫码点餐的待支付订单 id(/catering/order/open 答复的数字,一般为 6 位),不是很长的订单号"},
            {"couponId", "ids", false, "本次买单使用的优惠券 id,多张用英文逗号分隔,如 \"1,2\""}},
           std::make_shared<PayOrderHandler>()}};
}

std::vector<sdk::Migration> CateringModule::migrations() const {
  // One statement per version: Poco runs one statement per call.
  return {
      {1,
       "CREATE TABLE catering_dishes (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, name TEXT NOT NULL, "
       "price INTEGER NOT NULL, on_sale INTEGER NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)",
       "CREATE TABLE catering_dishes (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, name TEXT NOT NULL, "
       "price BIGINT NOT NULL, on_sale INTEGER NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)"},
      {2, "CREATE INDEX catering_dishes_factory ON catering_dishes (factory_id, id)",
       "CREATE INDEX catering_dishes_factory ON catering_dishes (factory_id, id)"},
      // The code is what the table's QR carries: unique within a factory.
      {3,
       "CREATE TABLE catering_tables (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, name TEXT NOT NULL, "
       "code TEXT NOT NULL, created_at INTEGER NOT NULL, UNIQUE (factory_id, code))",
       "CREATE TABLE catering_tables (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, name TEXT NOT NULL, "
       "code TEXT NOT NULL, created_at BIGINT NOT NULL, UNIQUE (factory_id, code))"},
      // AUTOINCREMENT so that version 5 can start the ids at 100000 in SQLite.
      {4,
       "CREATE TABLE catering_orders (id INTEGER PRIMARY KEY AUTOINCREMENT, factory_id INTEGER NOT NULL, "
       "user_id INTEGER NOT NULL, table_id INTEGER NOT NULL, table_name TEXT NOT NULL, status TEXT NOT NULL, "
       "total INTEGER NOT NULL DEFAULT 0, discount INTEGER NOT NULL DEFAULT 0, paid INTEGER NOT NULL DEFAULT 0, "
       "coupon_ids TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL, paid_at INTEGER NOT NULL DEFAULT 0, "
       "paid_reference TEXT NOT NULL DEFAULT '')",
       "CREATE TABLE catering_orders (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, "
       "user_id BIGINT NOT NULL, table_id BIGINT NOT NULL, table_name TEXT NOT NULL, status TEXT NOT NULL, "
       "total BIGINT NOT NULL DEFAULT 0, discount BIGINT NOT NULL DEFAULT 0, paid BIGINT NOT NULL DEFAULT 0, "
       "coupon_ids TEXT NOT NULL DEFAULT '', created_at BIGINT NOT NULL, paid_at BIGINT NOT NULL DEFAULT 0, "
       "paid_reference TEXT NOT NULL DEFAULT '')"},
      // Order ids are what users type as orderId: six digits, not a long order number.
      {5, "INSERT INTO sqlite_sequence (name, seq) VALUES ('catering_orders', 99999)",
       "ALTER SEQUENCE catering_orders_id_seq RESTART WITH 100000"},
      {6, "CREATE INDEX catering_orders_user ON catering_orders (factory_id, user_id, id)",
       "CREATE INDEX catering_orders_user ON catering_orders (factory_id, user_id, id)"},
      {7, "CREATE INDEX catering_orders_status ON catering_orders (factory_id, status, id)",
       "CREATE INDEX catering_orders_status ON catering_orders (factory_id, status, id)"},
      // One line per dish of an order: adding the dish again adds to its quantity.
      {8,
       "CREATE TABLE catering_order_lines (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, "
       "order_id INTEGER NOT NULL, dish_id INTEGER NOT NULL, name TEXT NOT NULL, price INTEGER NOT NULL, "
       "quantity INTEGER NOT NULL, UNIQUE (factory_id, order_id, dish_id))",
       "CREATE TABLE catering_order_lines (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, "
       "order_id BIGINT NOT NULL, dish_id BIGINT NOT NULL, name TEXT NOT NULL, price BIGINT NOT NULL, "
       "quantity INTEGER NOT NULL, UNIQUE (factory_id, order_id, dish_id))"},
  };
}

std::vector<sdk::Route> CateringModule::routes() {
  std::vector<sdk::Route> all = userRoutes();
  for (auto& r : adminRoutes()) all.push_back(std::move(r));
  return all;
}

}  // namespace paynext::plugins::catering
