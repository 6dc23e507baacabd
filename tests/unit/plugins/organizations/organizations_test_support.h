#pragma once
// Shared set-up for the organizations plugin tests: a harness over
// OrganizationsModule, price items made through the admin route,
// organizations created through type 16, and snapshots of the tables.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <Poco/Tuple.h>
#include <gtest/gtest.h>

#include "paynext/sdk/testing/harness.h"
#include "plugins/organizations/organization.h"
#include "plugins/organizations/organizations_module.h"

namespace paynext::plugins::organizations::test {

using sdk::testing::refusal;
using Refusal = std::pair<int, std::string>;
using Status = sdk::StepResult::Status;

class OrganizationsTest : public ::testing::Test {
 protected:
  sdk::testing::Harness h{std::make_shared<OrganizationsModule>()};

  static Poco::JSON::Object::Ptr object(const sdk::RouteResponse& r) {
    return r.data.extract<Poco::JSON::Object::Ptr>();
  }
  static Poco::JSON::Array::Ptr array(const sdk::RouteResponse& r) { return r.data.extract<Poco::JSON::Array::Ptr>(); }

  // Adds a price item through the admin route; price in yuan as admins write it.
  std::int64_t addItem(const std::string& name, int cap, int days, const std::string& price, bool onSale = true) {
    const auto r = h.callAs(sdk::Audience::Admin, "POST", "/prices",
                            R"({"name":")" + name + R"(","memberCap":)" + std::to_string(cap) + R"(,"days":)" +
                                std::to_string(days) + R"(,"price":")" + price + R"(","onSale":)" +
                                (onSale ? "true" : "false") + "}");
    EXPECT_EQ(r.code, 0) << r.msg;
    return r.code == 0 ? object(r)->getValue<Poco::Int64>("id") : 0;
  }

  void setOnSale(std::int64_t id, const std::string& name, int cap, int days, const std::string& price, bool onSale) {
    const auto r = h.callAs(sdk::Audience::Admin, "PUT", "/prices",
                            R"({"id":)" + std::to_string(id) + R"(,"name":")" + name + R"(","memberCap":)" +
                                std::to_string(cap) + R"(,"days":)" + std::to_string(days) + R"(,"price":")" + price +
                                R"(","onSale":)" + (onSale ? "true" : "false") + "}");
    ASSERT_EQ(r.code, 0) << r.msg;
  }

  static std::string createParams(std::int64_t priceId, const std::string& name = "研发部") {
    return R"({"priceId":)" + std::to_string(priceId) + R"(,"name":")" + name + R"("})";
  }
  static std::string upgradeParams(std::int64_t orgId, std::int64_t priceId) {
    return R"({"organizeId":)" + std::to_string(orgId) + R"(,"priceId":)" + std::to_string(priceId) + "}";
  }

  // Creates an organization of the current user with type 16, paid from a topped-up wallet.
  std::int64_t createOrganization(std::int64_t priceId, const std::string& name = "研发部") {
    const auto before = h.ledger().balance_;
    h.ledger().balance_ = 1000000;
    const auto r = h.execute(16, createParams(priceId, name));
    EXPECT_EQ(r.status, Status::Done) << r.reason;
    h.ledger().balance_ = before;
    h.ledger().entries.clear();
    return r.status == Status::Done ? r.result->getValue<Poco::Int64>("organizeId") : 0;
  }

  // Every organization as "factory/owner/name/remark/price/cap/expiresAt/amount".
  std::vector<std::string> organizations() {
    using namespace Poco::Data::Keywords;
    std::vector<Poco::Tuple<Poco::Int64, Poco::Int64, std::string, std::string, Poco::Int64, Poco::Int64, Poco::Int64,
                            Poco::Int64>>
        all;
    h.session() << "SELECT factory_id, owner_id, name, remark, price_id, member_cap, expires_at, amount "
                   "FROM organizations_orgs ORDER BY id",
        into(all), now;
    std::vector<std::string> out;
    for (const auto& r : all) {
      out.push_back(std::to_string(r.get<0>()) + "/" + std::to_string(r.get<1>()) + "/" + r.get<2>() + "/" +
                    r.get<3>() + "/" + std::to_string(r.get<4>()) + "/" + std::to_string(r.get<5>()) + "/" +
                    std::to_string(r.get<6>()) + "/" + std::to_string(r.get<7>()));
    }
    return out;
  }

  // Every membership as "factory/org/user".
  std::vector<std::string> members() {
    using namespace Poco::Data::Keywords;
    std::vector<Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64>> all;
    h.session() << "SELECT factory_id, org_id, user_id FROM organizations_members ORDER BY id", into(all), now;
    std::vector<std::string> out;
    for (const auto& r : all) {
      out.push_back(std::to_string(r.get<0>()) + "/" + std::to_string(r.get<1>()) + "/" + std::to_string(r.get<2>()));
    }
    return out;
  }

  int upgradeCount() {
    using namespace Poco::Data::Keywords;
    int n = 0;
    h.session() << "SELECT COUNT(*) FROM organizations_upgrades", into(n), now;
    return n;
  }
};

}  // namespace paynext::plugins::organizations::test
