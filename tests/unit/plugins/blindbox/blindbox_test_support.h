#pragma once
// Shared set-up for the blindbox plugin tests: a harness over BlindboxModule,
// boxes written through the user route, and snapshots of the module's tables.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <Poco/Tuple.h>
#include <gtest/gtest.h>

#include "paynext/sdk/testing/harness.h"
#include "plugins/blindbox/blindbox_module.h"

namespace paynext::plugins::blindbox::test {

using sdk::testing::refusal;
using Refusal = std::pair<int, std::string>;
using Status = sdk::StepResult::Status;

class BlindboxTest : public ::testing::Test {
 protected:
  sdk::testing::Harness h{std::make_shared<BlindboxModule>()};

  static Poco::JSON::Object::Ptr object(const sdk::RouteResponse& r) {
    return r.data.extract<Poco::JSON::Object::Ptr>();
  }
  static Poco::JSON::Array::Ptr array(const sdk::RouteResponse& r) { return r.data.extract<Poco::JSON::Array::Ptr>(); }

  // Saves the factory's settings through the admin route; prices in yuan.
  void setSettings(const std::string& boxPrice, const std::string& pullPrice, int maxPullTimes, int expireMinutes) {
    const auto r = h.callAs(sdk::Audience::Admin, "PUT", "/settings",
                            R"({"boxPrice":")" + boxPrice + R"(","pullPrice":")" + pullPrice +
                                R"(","maxPullTimes":)" + std::to_string(maxPullTimes) +
                                R"(,"expireMinutes":)" + std::to_string(expireMinutes) + "}");
    ASSERT_EQ(r.code, 0) << r.msg;
  }

  // Writes a box as the current user through the user route.
  std::int64_t createBox(const std::string& contact, int gender = 2) {
    const auto r = h.callAs(sdk::Audience::User, "POST", "/blindbox/box/create",
                            R"({"gender":)" + std::to_string(gender) + R"(,"intro":"爱爬山","contact":")" + contact +
                                R"("})");
    EXPECT_EQ(r.code, 0) << r.msg;
    return r.code == 0 ? object(r)->getValue<Poco::Int64>("id") : 0;
  }

  static std::string publish(std::int64_t boxId) { return R"({"boxId":)" + std::to_string(boxId) + "}"; }
  static std::string pulls(std::int64_t times) { return R"({"pullTimes":)" + std::to_string(times) + "}"; }

  // Publishes a box of the current user, paying from a topped-up wallet.
  void publishPaid(std::int64_t boxId) {
    h.ledger().balance_ += 100000;
    ASSERT_EQ(h.execute(22, publish(boxId)).status, Status::Done);
  }

  // Every box as "factory/user/status/amount/paidReference".
  std::vector<std::string> boxes() {
    using namespace Poco::Data::Keywords;
    std::vector<Poco::Tuple<Poco::Int64, Poco::Int64, std::string, Poco::Int64, std::string>> all;
    h.session() << "SELECT factory_id, user_id, status, amount, paid_reference FROM blindbox_boxes ORDER BY id",
        into(all), now;
    std::vector<std::string> out;
    for (const auto& r : all) {
      out.push_back(std::to_string(r.get<0>()) + "/" + std::to_string(r.get<1>()) + "/" + r.get<2>() + "/" +
                    std::to_string(r.get<3>()) + "/" + r.get<4>());
    }
    return out;
  }

  int count(const std::string& table) {
    using namespace Poco::Data::Keywords;
    int n = 0;
    h.session() << "SELECT COUNT(*) FROM " + table, into(n), now;
    return n;
  }

  Poco::Int64 pullsLeft(std::int64_t userId) {
    using namespace Poco::Data::Keywords;
    std::vector<Poco::Int64> rows;
    h.session() << "SELECT pulls FROM blindbox_pulls_left WHERE user_id = $1", use(userId), into(rows), now;
    return rows.empty() ? 0 : rows.front();
  }
};

}  // namespace paynext::plugins::blindbox::test
