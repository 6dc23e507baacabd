#pragma once
// Shared set-up for the membership plugin tests: a harness over
// MembershipModule, a catalog to buy from and snapshots of the tables.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <Poco/Tuple.h>
#include <gtest/gtest.h>

#include "paynext/sdk/testing/harness.h"
#include "plugins/membership/membership.h"
#include "plugins/membership/membership_module.h"

namespace paynext::plugins::membership::test {

using sdk::testing::refusal;
using Refusal = std::pair<int, std::string>;
using Status = sdk::StepResult::Status;

class MembershipTest : public ::testing::Test {
 protected:
  sdk::testing::Harness h{std::make_shared<MembershipModule>()};

  Poco::JSON::Object::Ptr object(const sdk::RouteResponse& r) {
    EXPECT_EQ(r.code, 0) << r.msg;
    return r.data.extract<Poco::JSON::Object::Ptr>();
  }
  Poco::JSON::Array::Ptr array(const sdk::RouteResponse& r) {
    EXPECT_EQ(r.code, 0) << r.msg;
    return r.data.extract<Poco::JSON::Array::Ptr>();
  }
  std::int64_t admin(const std::string& method, const std::string& path, const std::string& json) {
    return object(h.callAs(sdk::Audience::Admin, method, path, json))->getValue<Poco::Int64>("id");
  }
  std::int64_t addLevel(const std::string& name) { return admin("POST", "/levels", R"({"name":")" + name + "\"}"); }
  std::int64_t addPrice(std::int64_t level, int days, const std::string& price, bool autoRenew) {
    return admin("POST", "/prices", R"({"levelId":)" + std::to_string(level) + R"(,"days":)" + std::to_string(days) +
                                        R"(,"price":")" + price + R"(","autoRenew":)" + (autoRenew ? "true" : "false") +
                                        "}");
  }

  std::int64_t count(const std::string& table) {
    using namespace Poco::Data::Keywords;
    Poco::Int64 n = 0;
    h.session() << "SELECT COUNT(*) FROM " + table, into(n), now;
    return n;
  }
  // The members as "factory/user/level/price/expiresAt/autoRenew".
  std::vector<std::string> members() {
    using namespace Poco::Data::Keywords;
    std::vector<Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64>> all;
    h.session() << "SELECT factory_id, user_id, level_id, price_id, expires_at, auto_renew FROM membership_members "
                   "ORDER BY id",
        into(all), now;
    std::vector<std::string> out;
    for (const auto& r : all) {
      out.push_back(std::to_string(r.get<0>()) + "/" + std::to_string(r.get<1>()) + "/" + std::to_string(r.get<2>()) +
                    "/" + std::to_string(r.get<3>()) + "/" + std::to_string(r.get<4>()) + "/" +
                    std::to_string(r.get<5>()));
    }
    return out;
  }
  std::string member(std::int64_t user, std::int64_t level, std::int64_t price, std::int64_t expiresAt, bool autoRenew,
                     std::int64_t factory = 1) {
    return std::to_string(factory) + "/" + std::to_string(user) + "/" + std::to_string(level) + "/" +
           std::to_string(price) + "/" + std::to_string(expiresAt) + "/" + (autoRenew ? "1" : "0");
  }
  std::string buy(std::int64_t price, bool autoRenew = false) {
    return R"({"userLevelPriceId":)" + std::to_string(price) + R"(,"isAutoRenew":)" + (autoRenew ? "true" : "false") +
           "}";
  }
};

}  // namespace paynext::plugins::membership::test
