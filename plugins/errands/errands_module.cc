#include "errands_module.h"

#include <memory>

#include "admin_routes.h"
#include "auto_confirm_job.h"
#include "expire_job.h"
#include "pay_task_handler.h"
#include "user_routes.h"

namespace paynext::plugins::errands {

std::vector<sdk::ActionType> ErrandsModule::actionTypes() {
  return {{20,
           "支付跑腿任务订单",
           {{"taskId", "int", true, "跑腿任务ID(由 /errands/task/create 发布的任务)"}},
           std::make_shared<PayTaskHandler>()}};
}

std::vector<sdk::Migration> ErrandsModule::migrations() const {
  // One statement per version: Poco runs one statement per call.
  return {
      {1,
       "CREATE TABLE errands_settings (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, min_fee INTEGER NOT NULL, "
       "commission_percent INTEGER NOT NULL, auto_confirm_hours INTEGER NOT NULL, "
       "unpaid_expiry_minutes INTEGER NOT NULL, updated_at INTEGER NOT NULL, UNIQUE (factory_id))",
       "CREATE TABLE errands_settings (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, min_fee BIGINT NOT NULL, "
       "commission_percent BIGINT NOT NULL, auto_confirm_hours BIGINT NOT NULL, "
       "unpaid_expiry_minutes BIGINT NOT NULL, updated_at BIGINT NOT NULL, UNIQUE (factory_id))"},
      {2,
       "CREATE TABLE errands_tasks (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, poster_id INTEGER NOT NULL, "
       "runner_id INTEGER NOT NULL, from_place TEXT NOT NULL, to_place TEXT NOT NULL, what TEXT NOT NULL, "
       "fee INTEGER NOT NULL, deadline_at INTEGER NOT NULL, status TEXT NOT NULL, paid_reference TEXT NOT NULL, "
       "created_at INTEGER NOT NULL, paid_at INTEGER NOT NULL, taken_at INTEGER NOT NULL, "
       "delivered_at INTEGER NOT NULL, closed_at INTEGER NOT NULL, commission INTEGER NOT NULL, "
       "payout INTEGER NOT NULL)",
       "CREATE TABLE errands_tasks (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, poster_id BIGINT NOT NULL, "
       "runner_id BIGINT NOT NULL, from_place TEXT NOT NULL, to_place TEXT NOT NULL, what TEXT NOT NULL, "
       "fee BIGINT NOT NULL, deadline_at BIGINT NOT NULL, status TEXT NOT NULL, paid_reference TEXT NOT NULL, "
       "created_at BIGINT NOT NULL, paid_at BIGINT NOT NULL, taken_at BIGINT NOT NULL, "
       "delivered_at BIGINT NOT NULL, closed_at BIGINT NOT NULL, commission BIGINT NOT NULL, "
       "payout BIGINT NOT NULL)"},
      // The lists and the jobs' scans go by status.
      {3, "CREATE INDEX errands_tasks_status ON errands_tasks (factory_id, status)",
       "CREATE INDEX errands_tasks_status ON errands_tasks (factory_id, status)"},
  };
}

std::vector<sdk::Route> ErrandsModule::routes() {
  auto all = userRoutes();
  for (auto& r : adminRoutes()) all.push_back(std::move(r));
  return all;
}

std::vector<sdk::Job> ErrandsModule::jobs() { return {expireJob(), autoConfirmJob()}; }

}  // namespace paynext::plugins::errands
