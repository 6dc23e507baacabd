#include "jdjingli_module.h"

#include <memory>

#include "admin_routes.h"
#include "expiry_job.h"
#include "pay_jd_order_handler.h"
#include "push_routes.h"
#include "user_routes.h"

namespace paynext::plugins::jdjingli {

std::vector<sdk::ActionType> JdjingliModule::actionTypes() {
  return {{8,
           "支付京东京励订单",
           {{"token", "string", true, "京东京励订单的 token(京东推送订单时 /jdjingli/order/push 答复的 token)"},
            {"couponId", "int", false, "本次支付使用的优惠券 id"}},
           std::make_shared<PayJdOrderHandler>()}};
}

std::vector<sdk::Migration> JdjingliModule::migrations() const {
  // One statement per version: Poco runs one statement per call.
  return {
      // One row per factory: the secret JD signs its pushes with, and how long a pushed order waits.
      {1,
       "CREATE TABLE jdjingli_settings (factory_id INTEGER PRIMARY KEY, secret TEXT NOT NULL, "
       "ttl_minutes INTEGER NOT NULL, updated_at INTEGER NOT NULL)",
       "CREATE TABLE jdjingli_settings (factory_id BIGINT PRIMARY KEY, secret TEXT NOT NULL, "
       "ttl_minutes INTEGER NOT NULL, updated_at BIGINT NOT NULL)"},
      // One row per JD order number: a push of an expired order gives it a fresh token in place.
      {2,
       "CREATE TABLE jdjingli_orders (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, order_no TEXT NOT NULL, "
       "token TEXT NOT NULL, amount INTEGER NOT NULL, items TEXT NOT NULL, pay_result_url TEXT NOT NULL, "
       "status TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, "
       "user_id INTEGER NOT NULL DEFAULT 0, coupon_id INTEGER NOT NULL DEFAULT 0, "
       "discount INTEGER NOT NULL DEFAULT 0, paid INTEGER NOT NULL DEFAULT 0, paid_at INTEGER NOT NULL DEFAULT 0, "
       "paid_reference TEXT NOT NULL DEFAULT '', UNIQUE (factory_id, order_no))",
       "CREATE TABLE jdjingli_orders (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, order_no TEXT NOT NULL, "
       "token TEXT NOT NULL, amount BIGINT NOT NULL, items TEXT NOT NULL, pay_result_url TEXT NOT NULL, "
       "status TEXT NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, "
       "user_id BIGINT NOT NULL DEFAULT 0, coupon_id BIGINT NOT NULL DEFAULT 0, "
       "discount BIGINT NOT NULL DEFAULT 0, paid BIGINT NOT NULL DEFAULT 0, paid_at BIGINT NOT NULL DEFAULT 0, "
       "paid_reference TEXT NOT NULL DEFAULT '', UNIQUE (factory_id, order_no))"},
      {3, "CREATE UNIQUE INDEX jdjingli_orders_token ON jdjingli_orders (factory_id, token)",
       "CREATE UNIQUE INDEX jdjingli_orders_token ON jdjingli_orders (factory_id, token)"},
      {4, "CREATE INDEX jdjingli_orders_expiry ON jdjingli_orders (factory_id, status, expires_at)",
       "CREATE INDEX jdjingli_orders_expiry ON jdjingli_orders (factory_id, status, expires_at)"},
      {5, "CREATE INDEX jdjingli_orders_user ON jdjingli_orders (factory_id, user_id, id)",
       "CREATE INDEX jdjingli_orders_user ON jdjingli_orders (factory_id, user_id, id)"},
  };
}

std::vector<sdk::Route> JdjingliModule::routes() {
  std::vector<sdk::Route> all = pushRoutes();
  for (auto& r : userRoutes()) all.push_back(std::move(r));
  for (auto& r : adminRoutes()) all.push_back(std::move(r));
  return all;
}

std::vector<sdk::Job> JdjingliModule::jobs() { return {expiryJob()}; }

}  // namespace paynext::plugins::jdjingli
