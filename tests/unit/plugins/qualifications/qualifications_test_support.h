#pragma once
// Shared set-up for the qualifications plugin tests: a harness over
// QualificationsModule, offers set through the admin route, and snapshots
// of the holders and grants tables.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <Poco/Tuple.h>
#include <gtest/gtest.h>

#include "paynext/sdk/testing/harness.h"
#include "plugins/qualifications/qualification.h"
#include "plugins/qualifications/qualifications_module.h"

namespace paynext::plugins::qualifications::test {

using sdk::testing::refusal;
using Refusal = std::pair<int, std::string>;
using Status = sdk::StepResult::Status;

class QualificationsTest : public ::testing::Test {
 protected:
  sdk::testing::Harness h{std::make_shared<QualificationsModule>()};

  static Poco::JSON::Object::Ptr object(const sdk::RouteResponse& r) {
    return r.data.extract<Poco::JSON::Object::Ptr>();
  }
  static Poco::JSON::Array::Ptr array(const sdk::RouteResponse& r) { return r.data.extract<Poco::JSON::Array::Ptr>(); }

  // Prices a qualification through the admin route: days > 0, or 0 for permanent.
  void offer(int type, const std::string& price, std::int64_t days, bool onSale = true) {
    const std::string term = days > 0 ? R"("days":)" + std::to_string(days) : R"("permanent":true)";
    const auto r = h.callAs(sdk::Audience::Admin, "PUT", "/offers",
                            R"({"type":)" + std::to_string(type) + R"(,"price":")" + price + R"(",)" + term +
                                R"(,"onSale":)" + (onSale ? "true" : "false") + "}");
    ASSERT_EQ(r.code, 0) << r.msg;
  }

  // Runs type's step for the current user with a fresh payment.
  sdk::StepResult buy(int type) { return h.execute(type, R"({"type":)" + std::to_string(type) + "}"); }

  // Every holding as "factory/user/type/permanent/expiresAt".
  std::vector<std::string> holders() {
    using namespace Poco::Data::Keywords;
    std::vector<Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64>> all;
    h.session() << "SELECT factory_id, user_id, type, permanent, expires_at FROM qualifications_holders ORDER BY id",
        into(all), now;
    std::vector<std::string> out;
    for (const auto& r : all) {
      out.push_back(std::to_string(r.get<0>()) + "/" + std::to_string(r.get<1>()) + "/" + std::to_string(r.get<2>()) +
                    "/" + std::to_string(r.get<3>()) + "/" + std::to_string(r.get<4>()));
    }
    return out;
  }

  // Every grant as "factory/user/type/amount/days/permanent/reference".
  std::vector<std::string> grants() {
    using namespace Poco::Data::Keywords;
    std::vector<Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, std::string>>
        all;
    h.session() << "SELECT factory_id, user_id, type, amount, days, permanent, reference FROM qualifications_grants "
                   "ORDER BY id",
        into(all), now;
    std::vector<std::string> out;
    for (const auto& r : all) {
      out.push_back(std::to_string(r.get<0>()) + "/" + std::to_string(r.get<1>()) + "/" + std::to_string(r.get<2>()) +
                    "/" + std::to_string(r.get<3>()) + "/" + std::to_string(r.get<4>()) + "/" +
                    std::to_string(r.get<5>()) + "/" + r.get<6>());
    }
    return out;
  }

  int offerCount() {
    using namespace Poco::Data::Keywords;
    int n = 0;
    h.session() << "SELECT COUNT(*) FROM qualifications_offers", into(n), now;
    return n;
  }
};

}  // namespace paynext::plugins::qualifications::test
