#include "addbell_module.h"

#include <memory>

#include "add_bell_pay_handler.h"
#include "admin_routes.h"
#include "expire_job.h"
#include "user_routes.h"

namespace paynext::plugins::addbell {

std::vector<sdk::ActionType> AddbellModule::actionTypes() {
  return {{19,
           "加钟",
           {{"orderAddBellId", "int", true, "加钟记录ID(/addbell/apply 答复的数字编号)"}},
           std::make_shared<AddBellPayHandler>()}};
}

std::vector<sdk::Migration> AddbellModule::migrations() const {
  // One statement per version: Poco runs one statement per call.
  return {
      {1,
       "CREATE TABLE addbell_services (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, name TEXT NOT NULL, "
       "base_minutes INTEGER NOT NULL, base_price INTEGER NOT NULL, unit_minutes INTEGER NOT NULL, "
       "unit_price INTEGER NOT NULL, add_enabled INTEGER NOT NULL, max_units INTEGER NOT NULL, "
       "created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)",
       "CREATE TABLE addbell_services (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, name TEXT NOT NULL, "
       "base_minutes BIGINT NOT NULL, base_price BIGINT NOT NULL, unit_minutes BIGINT NOT NULL, "
       "unit_price BIGINT NOT NULL, add_enabled INTEGER NOT NULL, max_units BIGINT NOT NULL, "
       "created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)"},
      {2,
       "CREATE TABLE addbell_orders (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, user_id INTEGER NOT NULL, "
       "service_id INTEGER NOT NULL, service_name TEXT NOT NULL, technician TEXT NOT NULL, price INTEGER NOT NULL, "
       "start_at INTEGER NOT NULL, base_minutes INTEGER NOT NULL, added_minutes INTEGER NOT NULL, "
       "end_at INTEGER NOT NULL, closed_at INTEGER NOT NULL, created_at INTEGER NOT NULL)",
       "CREATE TABLE addbell_orders (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, user_id BIGINT NOT NULL, "
       "service_id BIGINT NOT NULL, service_name TEXT NOT NULL, technician TEXT NOT NULL, price BIGINT NOT NULL, "
       "start_at BIGINT NOT NULL, base_minutes BIGINT NOT NULL, added_minutes BIGINT NOT NULL, "
       "end_at BIGINT NOT NULL, closed_at BIGINT NOT NULL, created_at BIGINT NOT NULL)"},
      {3, "CREATE INDEX addbell_orders_user ON addbell_orders (factory_id, user_id, id)",
       "CREATE INDEX addbell_orders_user ON addbell_orders (factory_id, user_id, id)"},
      {4,
       "CREATE TABLE addbell_records (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, "
       "order_id INTEGER NOT NULL, user_id INTEGER NOT NULL, units INTEGER NOT NULL, minutes INTEGER NOT NULL, "
       "amount INTEGER NOT NULL, status TEXT NOT NULL, created_at INTEGER NOT NULL, paid_at INTEGER NOT NULL, "
       "paid_reference TEXT NOT NULL, expired_at INTEGER NOT NULL)",
       "CREATE TABLE addbell_records (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, "
       "order_id BIGINT NOT NULL, user_id BIGINT NOT NULL, units BIGINT NOT NULL, minutes BIGINT NOT NULL, "
       "amount BIGINT NOT NULL, status TEXT NOT NULL, created_at BIGINT NOT NULL, paid_at BIGINT NOT NULL, "
       "paid_reference TEXT NOT NULL, expired_at BIGINT NOT NULL)"},
      // The expire job scans pending records; users list theirs.
      {5, "CREATE INDEX addbell_records_status ON addbell_records (factory_id, status, order_id)",
       "CREATE INDEX addbell_records_status ON addbell_records (factory_id, status, order_id)"},
      {6, "CREATE INDEX addbell_records_user ON addbell_records (factory_id, user_id, id)",
       "CREATE INDEX addbell_records_user ON addbell_records (factory_id, user_id, id)"},
  };
}

std::vector<sdk::Route> AddbellModule::routes() {
  auto all = userRoutes();
  for (auto& r : adminRoutes()) all.push_back(std::move(r));
  return all;
}

std::vector<sdk::Job> AddbellModule::jobs() { return {expireJob()}; }

}  // namespace paynext::plugins::addbell
