#pragma once
// Shared set-up for the enroll plugin tests: a harness over EnrollModule,
// projects published through the admin route, applications made through the
// user route, and snapshots of what is stored.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <Poco/Tuple.h>
#include <gtest/gtest.h>

#include "paynext/sdk/testing/harness.h"
#include "plugins/enroll/enroll_module.h"

namespace paynext::plugins::enroll::test {

using sdk::testing::refusal;
using Refusal = std::pair<int, std::string>;
using Status = sdk::StepResult::Status;

// The harness's clock starts at 2023-11-15 06:13:20 China time.
inline constexpr const char* kToday = "2023-11-15";
inline constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;

// A form with one required and one optional field.
inline const std::string kForm = R"([{"name":"name","label":"姓名","required":true},{"name":"school","label":"学校"}])";

class EnrollTest : public ::testing::Test {
 protected:
  sdk::testing::Harness h{std::make_shared<EnrollModule>()};

  static Poco::JSON::Object::Ptr object(const sdk::RouteResponse& r) {
    return r.data.extract<Poco::JSON::Object::Ptr>();
  }
  static Poco::JSON::Array::Ptr array(const sdk::RouteResponse& r) { return r.data.extract<Poco::JSON::Array::Ptr>(); }
  // A route's answer as {code, msg}, to compare with a Refusal.
  static Refusal answer(const sdk::RouteResponse& r) { return {r.code, r.msg}; }

  // Publishes a project through the admin route; fee in yuan as admins write it.
  std::int64_t addProject(const std::string& title, const std::string& fee, int capacity,
                          const std::string& deadline = "", const std::string& fields = kForm) {
    const auto r = h.callAs(sdk::Audience::Admin, "POST", "/projects",
                            R"({"title":")" + title + R"(","description":")" + title + R"( 简介","fee":")" + fee +
                                R"(","capacity":)" + std::to_string(capacity) + R"(,"deadline":")" + deadline +
                                R"(","fields":)" + fields + "}");
    EXPECT_EQ(r.code, 0) << r.msg;
    return r.code == 0 ? object(r)->getValue<Poco::Int64>("id") : 0;
  }

  // Replaces a project through the admin route (PUT replaces every field:
  // the form is kForm unless the JSON names its own).
  void putProject(std::int64_t id, const std::string& fieldsJson) {
    const std::string form = fieldsJson.find("\"fields\"") == std::string::npos ? ",\"fields\":" + kForm : "";
    const auto r = h.callAs(sdk::Audience::Admin, "PUT", "/projects",
                            R"({"id":)" + std::to_string(id) + "," + fieldsJson + form + "}");
    ASSERT_EQ(r.code, 0) << r.msg;
  }

  sdk::RouteResponse applyFor(std::int64_t projectId, const std::string& answers = R"({"name":"张三"})") {
    return h.callAs(sdk::Audience::User, "POST", "/enroll/apply",
                    R"({"projectId":)" + std::to_string(projectId) + R"(,"answers":)" + answers + "}");
  }

  // Applies as the current user; the application's id.
  std::int64_t apply(std::int64_t projectId, const std::string& answers = R"({"name":"张三"})") {
    const auto r = applyFor(projectId, answers);
    EXPECT_EQ(r.code, 0) << r.msg;
    return r.code == 0 ? object(r)->getValue<Poco::Int64>("id") : 0;
  }

  // The reason of a failed step; anything else shows as not failed.
  static std::string failure(const sdk::StepResult& r) {
    return r.status == Status::Fail ? r.reason : "not failed: " + r.reason;
  }

  static std::string step(std::int64_t applicationId) { return "{\"id\":" + std::to_string(applicationId) + "}"; }

  // Every application as "factory/project/user/status/amount/reference/answers".
  std::vector<std::string> rows() {
    return h.rows("SELECT factory_id, project_id, user_id, status, amount, reference, answers "
                  "FROM enroll_applications ORDER BY id");
  }

  // Seats taken of a project, as stored.
  std::int64_t seatsTaken(std::int64_t projectId) {
    using namespace Poco::Data::Keywords;
    Poco::Int64 n = -1;
    h.session() << "SELECT paid FROM enroll_projects WHERE id = $1", use(projectId), into(n), now;
    return n;
  }

  int projectCount() {
    using namespace Poco::Data::Keywords;
    int n = 0;
    h.session() << "SELECT COUNT(*) FROM enroll_projects", into(n), now;
    return n;
  }
};

}  // namespace paynext::plugins::enroll::test
