#include "courses_module.h"

#include <memory>

#include "admin_routes.h"
#include "pay_course_handler.h"
#include "user_routes.h"

namespace paynext::plugins::courses {

std::vector<sdk::ActionType> CoursesModule::actionTypes() {
  return {{15,
           "支付购买课程订单",
           {{"id", "int", true, "购买课程的记录 id(由 /courses/buy 返回),不是课程的 id"}},
           std::make_shared<PayCourseHandler>()}};
}

std::vector<sdk::Migration> CoursesModule::migrations() const {
  // One statement per version: Poco runs one statement per call.
  return {
      // seats_taken counts the paid purchases; it only moves together with a
      // purchase turning PAID, in one conditional UPDATE that also locks the row.
      {1,
       "CREATE TABLE courses_courses (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, title TEXT NOT NULL, "
       "summary TEXT NOT NULL, price INTEGER NOT NULL, seats INTEGER NOT NULL, seats_taken INTEGER NOT NULL DEFAULT 0, "
       "date_start INTEGER NOT NULL, date_end INTEGER NOT NULL, on_sale INTEGER NOT NULL, "
       "created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)",
       "CREATE TABLE courses_courses (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, title TEXT NOT NULL, "
       "summary TEXT NOT NULL, price BIGINT NOT NULL, seats BIGINT NOT NULL, seats_taken BIGINT NOT NULL DEFAULT 0, "
       "date_start BIGINT NOT NULL, date_end BIGINT NOT NULL, on_sale INTEGER NOT NULL, "
       "created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)"},
      {2, "CREATE INDEX courses_courses_factory ON courses_courses (factory_id, id)",
       "CREATE INDEX courses_courses_factory ON courses_courses (factory_id, id)"},
      {3,
       "CREATE TABLE courses_purchases (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, "
       "user_id INTEGER NOT NULL, course_id INTEGER NOT NULL, status TEXT NOT NULL, "
       "amount INTEGER NOT NULL DEFAULT 0, reference TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL, "
       "paid_at INTEGER NOT NULL DEFAULT 0, cancelled_at INTEGER NOT NULL DEFAULT 0)",
       "CREATE TABLE courses_purchases (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, "
       "user_id BIGINT NOT NULL, course_id BIGINT NOT NULL, status TEXT NOT NULL, "
       "amount BIGINT NOT NULL DEFAULT 0, reference TEXT NOT NULL DEFAULT '', created_at BIGINT NOT NULL, "
       "paid_at BIGINT NOT NULL DEFAULT 0, cancelled_at BIGINT NOT NULL DEFAULT 0)"},
      {4, "CREATE INDEX courses_purchases_user ON courses_purchases (factory_id, user_id, id)",
       "CREATE INDEX courses_purchases_user ON courses_purchases (factory_id, user_id, id)"},
      {5, "CREATE INDEX courses_purchases_course ON courses_purchases (factory_id, course_id, status, id)",
       "CREATE INDEX courses_purchases_course ON courses_purchases (factory_id, course_id, status, id)"},
      // A user holds at most one seat of a course, whatever races past the checks.
      {6,
       "CREATE UNIQUE INDEX courses_purchases_enrolled ON courses_purchases (factory_id, course_id, user_id) "
       "WHERE status = 'PAID'",
       "CREATE UNIQUE INDEX courses_purchases_enrolled ON courses_purchases (factory_id, course_id, user_id) "
       "WHERE status = 'PAID'"},
  };
}

std::vector<sdk::Route> CoursesModule::routes() {
  std::vector<sdk::Route> all = userRoutes();
  for (auto& r : adminRoutes()) all.push_back(std::move(r));
  return all;
}

}  // namespace paynext::plugins::courses
