#pragma once
// Shared set-up for the coupons plugin tests: a harness over CouponsModule,
// rules made through the admin route, and snapshots of the module's tables.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <Poco/JSON/Array.h>
#include <Poco/Tuple.h>
#include <gtest/gtest.h>

#include "paynext/sdk/testing/harness.h"
#include "plugins/coupons/coupons_module.h"

namespace paynext::plugins::coupons::test {

using sdk::testing::refusal;
using Refusal = std::pair<int, std::string>;

// 2023-11-14T22:13:20Z is the harness clock's start: 2023-11-15 06:13:20 in UTC+8.
inline constexpr const char* kRuleBody =
    R"("name":"满100减10","kind":"reduce","money":1000,"minAmount":10000,"validDays":7,"stock":5)";

class CouponsTest : public ::testing::Test {
 protected:
  sdk::testing::Harness h{std::make_shared<CouponsModule>()};

  // POST /rules with `fields` (without braces); the new rule's id.
  std::int64_t addRule(const std::string& fields = kRuleBody) {
    const auto r = h.callAs(sdk::Audience::Admin, "POST", "/rules", "{" + fields + "}");
    EXPECT_EQ(r.code, 0) << r.msg;
    return r.code == 0 ? r.data.extract<Poco::JSON::Object::Ptr>()->getValue<Poco::Int64>("id") : 0;
  }

  // Every issued coupon as "factory/rule/user/status/grantReference/usedReference".
  std::vector<std::string> issued() {
    return h.rows("SELECT factory_id, rule_id, user_id, status, grant_reference, used_reference "
                  "FROM coupons_issued ORDER BY id");
  }

  std::int64_t issuedOf(std::int64_t ruleId) {
    using namespace Poco::Data::Keywords;
    Poco::Int64 n = -1;
    h.session() << "SELECT issued FROM coupons_rules WHERE id = $1", use(ruleId), into(n), now;
    return n;
  }

  std::int64_t count(const std::string& table) {
    using namespace Poco::Data::Keywords;
    Poco::Int64 n = -1;
    h.session() << "SELECT COUNT(*) FROM " + table, into(n), now;
    return n;
  }

  // Grants the current user a coupon of the rule through a step; its id.
  std::int64_t claim(std::int64_t ruleId) {
    const auto r = h.execute(7, R"({"couponRuleId":)" + std::to_string(ruleId) + "}");
    EXPECT_EQ(r.status, sdk::StepResult::Status::Done) << r.reason;
    return r.result ? r.result->getValue<Poco::Int64>("couponId") : 0;
  }
};

}  // namespace paynext::plugins::coupons::test
