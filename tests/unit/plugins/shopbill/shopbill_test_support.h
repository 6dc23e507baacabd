#pragma once
// Shared set-up for the shopbill plugin tests: a harness over ShopbillModule,
// shops added through the admin route, and snapshots of the module's tables.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "paynext/sdk/testing/harness.h"
#include "plugins/shopbill/shopbill_module.h"

namespace paynext::plugins::shopbill::test {

using sdk::testing::refusal;
using Refusal = std::pair<int, std::string>;
using Status = sdk::StepResult::Status;

class ShopbillTest : public ::testing::Test {
 protected:
  sdk::testing::Harness h{std::make_shared<ShopbillModule>()};

  static Poco::JSON::Object::Ptr object(const sdk::RouteResponse& r) {
    return r.data.extract<Poco::JSON::Object::Ptr>();
  }
  static Poco::JSON::Array::Ptr array(const sdk::RouteResponse& r) { return r.data.extract<Poco::JSON::Array::Ptr>(); }

  // Adds a shop through the admin route; `rule` is the rest of the JSON body, e.g. R"("percentOff":10)".
  std::int64_t addShop(const std::string& name, const std::string& rule = "") {
    const auto r = h.callAs(sdk::Audience::Admin, "POST", "/shops",
                            R"({"name":")" + name + "\"" + (rule.empty() ? "" : "," + rule) + "}");
    EXPECT_EQ(r.code, 0) << r.msg;
    return r.code == 0 ? object(r)->getValue<Poco::Int64>("id") : 0;
  }

  void replaceShop(std::int64_t id, const std::string& name, const std::string& rule = "") {
    const auto r = h.callAs(sdk::Audience::Admin, "PUT", "/shops",
                            R"({"id":)" + std::to_string(id) + R"(,"name":")" + name + "\"" +
                                (rule.empty() ? "" : "," + rule) + "}");
    ASSERT_EQ(r.code, 0) << r.msg;
  }

  static std::string step(std::int64_t shopId, const std::string& money) {
    return R"({"shopId":)" + std::to_string(shopId) + R"(,"money":")" + money + "\"}";
  }

  // Every bill as "factory/shop/user/bill/discount/paid/day/stepKey".
  std::vector<std::string> bills() {
    return rows("SELECT factory_id || '/' || shop_id || '/' || user_id || '/' || bill || '/' || discount || '/' || "
                "paid || '/' || day || '/' || step_key FROM shopbill_bills ORDER BY id");
  }

  // Every shop as "factory/name/enabled/percentOff/tiers/dateStart/dateEnd".
  std::vector<std::string> shops() {
    return rows("SELECT factory_id || '/' || name || '/' || enabled || '/' || percent_off || '/' || tiers || '/' || "
                "date_start || '/' || date_end FROM shopbill_shops ORDER BY id");
  }

 private:
  // One text column per row: SQLite's || writes the row as the tests compare it.
  std::vector<std::string> rows(const std::string& sql) { return h.rows(sql); }
};

}  // namespace paynext::plugins::shopbill::test
