#pragma once
// Shared set-up for the courses plugin tests: a harness over CoursesModule
// (user 1, the harness's own, is the buyer; users 2 and 3 buy too), its clock
// at 2023-11-15 06:13:20 China time, helpers that publish, buy and pay
// through the module's routes and handler, and snapshots of its tables.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <Poco/JSON/Array.h>
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <gtest/gtest.h>

#include "paynext/sdk/testing/harness.h"
#include "plugins/courses/courses_module.h"

namespace paynext::plugins::courses::test {

using Refusal = std::pair<int, std::string>;
using Status = sdk::StepResult::Status;
using sdk::testing::refusal;

constexpr std::int64_t kUser = 1;
constexpr std::int64_t kOther = 2;
constexpr std::int64_t kThird = 3;
constexpr int kType = 15;

class CoursesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h.users().add(kOther, "小明", "139****0002");
    h.users().add(kThird, "小红", "139****0003");
  }

  sdk::testing::Harness h{std::make_shared<CoursesModule>()};

  sdk::RouteResponse admin(const std::string& method, const std::string& path, const std::string& params) {
    return h.callAs(sdk::Audience::Admin, method, path, params);
  }

  // Publishes a course starting 2023-12-01 09:00 (China time) unless told otherwise; returns its id.
  std::int64_t addCourse(const std::string& price, int seats, const std::string& title = "摄影入门",
                         const std::string& dateStart = "2023-12-01 09:00:00") {
    const auto r = admin("POST", "/courses",
                         R"({"title":")" + title + R"(","price":")" + price + R"(","seats":)" + std::to_string(seats) +
                             R"(,"dateStart":")" + dateStart + R"(","dateEnd":"2023-12-31"})");
    EXPECT_EQ(r.code, 0) << r.msg;
    return r.code == 0 ? object(r)->getValue<std::int64_t>("id") : 0;
  }

  // Buys as `user`; returns the purchase id. The caller is `user` afterwards.
  std::int64_t buy(std::int64_t courseId, std::int64_t user = kUser) {
    h.setUser(user);
    const auto r =
        h.callAs(sdk::Audience::User, "POST", "/courses/buy", "{\"courseId\":" + std::to_string(courseId) + "}");
    EXPECT_EQ(r.code, 0) << r.msg;
    return r.code == 0 ? object(r)->getValue<std::int64_t>("id") : 0;
  }

  static std::string params(std::int64_t purchaseId) { return "{\"id\":" + std::to_string(purchaseId) + "}"; }

  // Runs the step paying the purchase as `user`, with `balance` fen in the wallet first.
  sdk::StepResult pay(std::int64_t purchaseId, std::int64_t user = kUser, sdk::Fen balance = 100000) {
    h.setUser(user);
    h.ledger().balance_ = balance;
    return h.execute(kType, params(purchaseId));
  }

  static Poco::JSON::Object::Ptr object(const sdk::RouteResponse& r) {
    return r.data.extract<Poco::JSON::Object::Ptr>();
  }
  static Poco::JSON::Array::Ptr array(const sdk::RouteResponse& r) { return r.data.extract<Poco::JSON::Array::Ptr>(); }

  // Every row `sql` selects, its columns joined with "/".
  std::vector<std::string> rows(const std::string& sql) { return h.rows(sql); }

  // Every course as "factory/title/price/seats/seatsTaken/onSale".
  std::vector<std::string> courses() {
    return rows("SELECT factory_id, title, price, seats, seats_taken, on_sale FROM courses_courses ORDER BY id");
  }

  // Every purchase as "factory/user/course/status/amount/reference".
  std::vector<std::string> purchases() {
    return rows("SELECT factory_id, user_id, course_id, status, amount, reference FROM courses_purchases ORDER BY id");
  }
};

}  // namespace paynext::plugins::courses::test
