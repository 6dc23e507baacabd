#pragma once
// Shared set-up for the errands plugin tests: a harness over ErrandsModule,
// tasks posted through the user route, paid through type 20, and a snapshot
// of errands_tasks.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <Poco/Tuple.h>
#include <gtest/gtest.h>

#include "paynext/sdk/china_time.h"
#include "paynext/sdk/testing/harness.h"
#include "plugins/errands/errands_module.h"

namespace paynext::plugins::errands::test {

using sdk::testing::refusal;
using Refusal = std::pair<int, std::string>;
using Status = sdk::StepResult::Status;

constexpr std::int64_t kHour = 3600 * 1000;
constexpr std::int64_t kMinute = 60 * 1000;

class ErrandsTest : public ::testing::Test {
 protected:
  sdk::testing::Harness h{std::make_shared<ErrandsModule>()};

  static Poco::JSON::Object::Ptr object(const sdk::RouteResponse& r) {
    return r.data.extract<Poco::JSON::Object::Ptr>();
  }
  static Poco::JSON::Array::Ptr array(const sdk::RouteResponse& r) { return r.data.extract<Poco::JSON::Array::Ptr>(); }

  // The deadline `ms` from now as posters write it (China time, to the second).
  std::string deadlineIn(std::int64_t ms) { return sdk::formatChinaTime(h.clock().now + ms); }

  std::string taskParams(const std::string& fee, const std::string& deadline) {
    return R"({"from":"东门快递站","to":"3号楼201","what":"取一个快递","fee":")" + fee + R"(","deadline":")" +
           deadline + "\"}";
  }

  sdk::RouteResponse user(const std::string& method, const std::string& path, const std::string& params) {
    return h.callAs(sdk::Audience::User, method, path, params);
  }

  // Posts a task as the current user; fee in yuan, taken within two hours.
  std::int64_t post(const std::string& fee = "10") {
    const auto r = user("POST", "/errands/task/create", taskParams(fee, deadlineIn(2 * kHour)));
    EXPECT_EQ(r.code, 0) << r.msg;
    return r.code == 0 ? object(r)->getValue<Poco::Int64>("id") : 0;
  }

  static std::string pay(std::int64_t taskId) { return "{\"taskId\":" + std::to_string(taskId) + "}"; }

  // Posts a task as the current user and pays it from their wallet.
  std::int64_t published(const std::string& fee = "10") {
    const auto id = post(fee);
    h.ledger().balance_ += 100000;
    const auto r = h.execute(20, pay(id));
    EXPECT_EQ(r.status, Status::Done) << r.reason;
    h.ledger().entries.clear();
    h.ledger().balance_ = 0;
    return id;
  }

  sdk::RouteResponse as(std::int64_t userId, const std::string& path, std::int64_t taskId) {
    const std::int64_t before = h.scope().userId;
    h.setUser(userId);
    const auto r = user("POST", path, "{\"taskId\":" + std::to_string(taskId) + "}");
    h.setUser(before);
    return r;
  }

  void setSettings(const std::string& json) {
    const auto r = h.callAs(sdk::Audience::Admin, "PUT", "/settings", json);
    ASSERT_EQ(r.code, 0) << r.msg;
  }

  // Every task as "factory/poster/runner/status/fee/paidReference/commission/payout".
  std::vector<std::string> rows() {
    return h.rows("SELECT factory_id, poster_id, runner_id, status, fee, paid_reference, commission, payout "
                  "FROM errands_tasks ORDER BY id");
  }
};

}  // namespace paynext::plugins::errands::test
