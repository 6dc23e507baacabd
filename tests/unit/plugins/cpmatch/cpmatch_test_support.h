#pragma once
// Shared set-up for the cpmatch plugin tests: a harness over CpmatchModule
// (user 1, the harness's own, and users 2 to 5), its clock at 2023-11-15
// 06:13:20 China time, helpers that publish, sign up and pay through the
// module's routes and handler, and snapshots of its tables.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include "paynext/sdk/testing/harness.h"
#include "plugins/cpmatch/activity.h"
#include "plugins/cpmatch/cpmatch_module.h"

namespace paynext::plugins::cpmatch::test {

using Refusal = std::pair<int, std::string>;
using Status = sdk::StepResult::Status;
using sdk::testing::refusal;

constexpr std::int64_t kUser = 1;
constexpr int kType = 23;
constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;

class CpmatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h.users().add(2, "小明", "139****0002");
    h.users().add(3, "小红", "139****0003");
    h.users().add(4, "小刚", "139****0004");
    h.users().add(5, "小丽", "139****0005");
  }

  sdk::testing::Harness h{std::make_shared<CpmatchModule>()};

  sdk::RouteResponse admin(const std::string& method, const std::string& path, const std::string& params) {
    return h.callAs(sdk::Audience::Admin, method, path, params);
  }
  sdk::RouteResponse user(std::int64_t userId, const std::string& path, const std::string& params,
                          const std::string& method = "POST") {
    h.setUser(userId);
    return h.callAs(sdk::Audience::User, method, path, params);
  }

  // Publishes an activity from 2023-12-01 19:00 to 22:00 (China time) unless told otherwise; returns its id.
  std::int64_t addActivity(const std::string& fee, int capacity, bool perGender = false,
                           const std::string& title = "周末CP活动", const std::string& dateStart = "2023-12-01 19:00:00",
                           const std::string& dateEnd = "2023-12-01 22:00:00") {
    const auto r = admin("POST", "/activities",
                         R"({"title":")" + title + R"(","fee":")" + fee + R"(","capacity":)" + std::to_string(capacity) +
                             R"(,"perGender":)" + (perGender ? "true" : "false") + R"(,"dateStart":")" + dateStart +
                             R"(","dateEnd":")" + dateEnd + R"("})");
    EXPECT_EQ(r.code, 0) << r.msg;
    return r.code == 0 ? object(r)->getValue<std::int64_t>("id") : 0;
  }

  // Signs `userId` up with `gender`; the caller is `userId` afterwards.
  sdk::RouteResponse signup(std::int64_t activityId, int gender, std::int64_t userId = kUser) {
    return user(userId, "/cpmatch/signup",
                "{\"cpactivityId\":" + std::to_string(activityId) + ",\"gender\":" + std::to_string(gender) + "}");
  }

  static std::string params(std::int64_t activityId) { return "{\"cpactivityId\":" + std::to_string(activityId) + "}"; }

  // Runs the step admitting `userId`, with `balance` fen in the wallet first.
  sdk::StepResult pay(std::int64_t activityId, std::int64_t userId = kUser, sdk::Fen balance = 100000) {
    h.setUser(userId);
    h.ledger().balance_ = balance;
    return h.execute(kType, params(activityId));
  }

  // Signs up and pays in one go; expects both to work.
  void admit(std::int64_t activityId, int gender, std::int64_t userId) {
    ASSERT_EQ(signup(activityId, gender, userId).code, 0);
    ASSERT_EQ(pay(activityId, userId).status, Status::Done);
  }

  static Poco::JSON::Object::Ptr object(const sdk::RouteResponse& r) {
    return r.data.extract<Poco::JSON::Object::Ptr>();
  }
  static Poco::JSON::Array::Ptr array(const sdk::RouteResponse& r) { return r.data.extract<Poco::JSON::Array::Ptr>(); }

  // Every row `sql` selects, its columns joined with "/".
  std::vector<std::string> rows(const std::string& sql) { return h.rows(sql); }

  // Every activity as "factory/title/fee/capacity/perGender/male/female/pairedAt".
  std::vector<std::string> activities() {
    return rows(
        "SELECT factory_id, title, fee, capacity, per_gender, admitted_male, admitted_female, paired_at "
        "FROM cpmatch_activities ORDER BY id");
  }

  // Every sign-up as "factory/activity/user/gender/status/amount/pairStatus/match".
  std::vector<std::string> signups() {
    return rows(
        "SELECT factory_id, activity_id, user_id, gender, status, amount, pair_status, match_user_id "
        "FROM cpmatch_signups ORDER BY id");
  }
};

}  // namespace paynext::plugins::cpmatch::test
