#include "enroll_module.h"

#include <memory>

#include "admin_routes.h"
#include "pay_enrollment_handler.h"
#include "user_routes.h"

namespace paynext::plugins::enroll {

std::vector<sdk::ActionType> EnrollModule::actionTypes() {
  return {{3,
           "支付报名费",
           {{"id", "int", true, "报名记录的 id(/enroll/apply 答复的 id),并不是报名项目的 id,不要搞错"}},
           std::make_shared<PayEnrollmentHandler>()}};
}

std::vector<sdk::Migration> EnrollModule::migrations() const {
  // One statement per version: Poco runs one statement per call.
  return {
      // `paid` counts the seats taken; a step takes one with a conditional update, so the last seat goes to one payer.
      {1,
       "CREATE TABLE enroll_projects (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, title TEXT NOT NULL, "
       "description TEXT NOT NULL, fee INTEGER NOT NULL, capacity INTEGER NOT NULL, paid INTEGER NOT NULL DEFAULT 0, "
       "deadline INTEGER NOT NULL, fields TEXT NOT NULL, enabled INTEGER NOT NULL, created_at INTEGER NOT NULL, "
       "updated_at INTEGER NOT NULL)",
       "CREATE TABLE enroll_projects (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, title TEXT NOT NULL, "
       "description TEXT NOT NULL, fee BIGINT NOT NULL, capacity BIGINT NOT NULL, paid BIGINT NOT NULL DEFAULT 0, "
       "deadline BIGINT NOT NULL, fields TEXT NOT NULL, enabled INTEGER NOT NULL, created_at BIGINT NOT NULL, "
       "updated_at BIGINT NOT NULL)"},
      {2, "CREATE INDEX enroll_projects_factory ON enroll_projects (factory_id, id)",
       "CREATE INDEX enroll_projects_factory ON enroll_projects (factory_id, id)"},
      {3,
       "CREATE TABLE enroll_applications (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, "
       "project_id INTEGER NOT NULL, user_id INTEGER NOT NULL, answers TEXT NOT NULL, status TEXT NOT NULL, "
       "amount INTEGER NOT NULL DEFAULT 0, reference TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL, "
       "paid_at INTEGER NOT NULL DEFAULT 0, cancelled_at INTEGER NOT NULL DEFAULT 0)",
       "CREATE TABLE enroll_applications (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, "
       "project_id BIGINT NOT NULL, user_id BIGINT NOT NULL, answers TEXT NOT NULL, status TEXT NOT NULL, "
       "amount BIGINT NOT NULL DEFAULT 0, reference TEXT NOT NULL DEFAULT '', created_at BIGINT NOT NULL, "
       "paid_at BIGINT NOT NULL DEFAULT 0, cancelled_at BIGINT NOT NULL DEFAULT 0)"},
      // One live (unpaid or paid) application per user and project; cancelled ones may pile up.
      {4,
       "CREATE UNIQUE INDEX enroll_applications_live ON enroll_applications (factory_id, project_id, user_id) "
       "WHERE status <> 'CANCELLED'",
       "CREATE UNIQUE INDEX enroll_applications_live ON enroll_applications (factory_id, project_id, user_id) "
       "WHERE status <> 'CANCELLED'"},
      {5, "CREATE INDEX enroll_applications_user ON enroll_applications (factory_id, user_id, id)",
       "CREATE INDEX enroll_applications_user ON enroll_applications (factory_id, user_id, id)"},
  };
}

std::vector<sdk::Route> EnrollModule::routes() {
  std::vector<sdk::Route> all = userRoutes();
  for (auto& r : adminRoutes()) all.push_back(std::move(r));
  return all;
}

}  // namespace paynext::plugins::enroll
