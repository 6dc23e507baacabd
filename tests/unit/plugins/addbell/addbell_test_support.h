#pragma once
// Shared set-up for the addbell plugin tests: a harness over AddbellModule, a
// service and orders made through the admin routes, add-bell records asked
// through the user route, and snapshots of the module's tables.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "paynext/sdk/china_time.h"
#include "paynext/sdk/testing/harness.h"
#include "plugins/addbell/addbell_module.h"

namespace paynext::plugins::addbell::test {

using sdk::testing::refusal;
using Refusal = std::pair<int, std::string>;
using Status = sdk::StepResult::Status;

constexpr std::int64_t kMinute = 60000;

class AddbellTest : public ::testing::Test {
 protected:
  // The harness's clock starts at 2023-11-15 06:13:20 China time.
  sdk::testing::Harness h{std::make_shared<AddbellModule>()};

  static Poco::JSON::Object::Ptr object(const sdk::RouteResponse& r) {
    return r.data.extract<Poco::JSON::Object::Ptr>();
  }
  static Poco::JSON::Array::Ptr array(const sdk::RouteResponse& r) { return r.data.extract<Poco::JSON::Array::Ptr>(); }

  // 足疗: 60 minutes for 98 yuan, add 30 minutes for 45.50 each, at most 3 at once.
  std::int64_t addService(const std::string& extra = "") {
    const auto r = h.callAs(sdk::Audience::Admin, "POST", "/services",
                            R"({"name":"足疗","baseMinutes":60,"basePrice":"98","unitMinutes":30,)"
                            R"("unitPrice":"45.50","maxUnits":3)" + extra + "}");
    EXPECT_EQ(r.code, 0) << r.msg;
    return r.code == 0 ? object(r)->getValue<Poco::Int64>("id") : 0;
  }

  // Opens an order for `userId` starting `startOffsetMs` from now (negative: started already).
  std::int64_t openOrder(std::int64_t serviceId, std::int64_t userId = 1, std::int64_t startOffsetMs = 0) {
    if (!h.users().find(userId)) h.users().add(userId);
    const std::string start = sdk::formatChinaTime(h.clock().now + startOffsetMs);
    const auto r = h.callAs(sdk::Audience::Admin, "POST", "/orders",
                            R"({"userId":)" + std::to_string(userId) + R"(,"serviceId":)" +
                                std::to_string(serviceId) + R"(,"technician":"8号技师","startTime":")" + start +
                                "\"}");
    EXPECT_EQ(r.code, 0) << r.msg;
    return r.code == 0 ? object(r)->getValue<Poco::Int64>("id") : 0;
  }

  // The current user asks to add `units` to an order.
  std::int64_t apply(std::int64_t orderId, int units) {
    const auto r = h.callAs(sdk::Audience::User, "POST", "/addbell/apply",
                            R"({"orderId":)" + std::to_string(orderId) + R"(,"units":)" + std::to_string(units) + "}");
    EXPECT_EQ(r.code, 0) << r.msg;
    return r.code == 0 ? object(r)->getValue<Poco::Int64>("id") : 0;
  }

  static std::string pay(std::int64_t recordId) { return "{\"orderAddBellId\":" + std::to_string(recordId) + "}"; }

  // Every add-bell record as "factory/order/user/units/minutes/amount/status/paidReference".
  std::vector<std::string> records() {
    return h.rows("SELECT factory_id || '/' || order_id || '/' || user_id || '/' || units || '/' || minutes || '/' || "
                  "amount || '/' || status || '/' || paid_reference FROM addbell_records ORDER BY id");
  }

  // Every order as "factory/user/added minutes/end - start in minutes/open or closed".
  std::vector<std::string> orders() {
    return h.rows("SELECT factory_id || '/' || user_id || '/' || added_minutes || '/' || "
                  "((end_at - start_at) / 60000) || '/' || CASE WHEN closed_at > 0 THEN 'closed' ELSE 'open' END "
                  "FROM addbell_orders ORDER BY id");
  }
};

}  // namespace paynext::plugins::addbell::test
