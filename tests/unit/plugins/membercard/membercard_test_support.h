#pragma once
// Shared set-up for the membercard plugin tests: a harness over
// MembercardModule, cards kept through the admin route, and snapshots of the
// issued cards and purchases.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <Poco/Tuple.h>
#include <gtest/gtest.h>

#include "paynext/sdk/testing/harness.h"
#include "plugins/membercard/membercard_module.h"

namespace paynext::plugins::membercard::test {

using sdk::testing::refusal;
using Refusal = std::pair<int, std::string>;
using Status = sdk::StepResult::Status;

constexpr std::int64_t kDay = 86400000;

class MembercardTest : public ::testing::Test {
 protected:
  sdk::testing::Harness h{std::make_shared<MembercardModule>()};

  static Poco::JSON::Object::Ptr object(const sdk::RouteResponse& r) {
    return r.data.extract<Poco::JSON::Object::Ptr>();
  }
  static Poco::JSON::Array::Ptr array(const sdk::RouteResponse& r) { return r.data.extract<Poco::JSON::Array::Ptr>(); }

  static std::string cardJson(const std::string& name, const std::string& price, int days, bool onSale) {
    return R"("name":")" + name + R"(","price":")" + price + R"(","days":)" + std::to_string(days) +
           R"(,"benefits":")" + name + R"( 权益","onSale":)" + (onSale ? "true" : "false");
  }

  // Keeps a card through the admin route; price in yuan as admins write it.
  std::int64_t addCard(const std::string& name, const std::string& price, int days, bool onSale = true) {
    const auto r = h.callAs(sdk::Audience::Admin, "POST", "/cards", "{" + cardJson(name, price, days, onSale) + "}");
    EXPECT_EQ(r.code, 0) << r.msg;
    return r.code == 0 ? object(r)->getValue<Poco::Int64>("id") : 0;
  }

  void replaceCard(std::int64_t id, const std::string& name, const std::string& price, int days, bool onSale) {
    const auto r = h.callAs(sdk::Audience::Admin, "PUT", "/cards",
                            R"({"id":)" + std::to_string(id) + "," + cardJson(name, price, days, onSale) + "}");
    ASSERT_EQ(r.code, 0) << r.msg;
  }

  static std::string buy(std::int64_t cardId) { return "{\"id\":" + std::to_string(cardId) + "}"; }

  // Every issued card as "factory/user/card/validUntil".
  std::vector<std::string> issued() {
    using namespace Poco::Data::Keywords;
    std::vector<Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64>> all;
    h.session() << "SELECT factory_id, user_id, card_id, valid_until FROM membercard_issued ORDER BY id", into(all),
        now;
    std::vector<std::string> out;
    for (const auto& r : all) {
      out.push_back(std::to_string(r.get<0>()) + "/" + std::to_string(r.get<1>()) + "/" + std::to_string(r.get<2>()) +
                    "/" + std::to_string(r.get<3>()));
    }
    return out;
  }

  std::vector<std::string> numbers() {
    using namespace Poco::Data::Keywords;
    std::vector<std::string> all;
    h.session() << "SELECT number FROM membercard_issued ORDER BY id", into(all), now;
    return all;
  }

  // Rows of one of the module's tables (a name the test writes, never input).
  int count(const std::string& table) {
    using namespace Poco::Data::Keywords;
    int n = 0;
    h.session() << "SELECT COUNT(*) FROM " + table, into(n), now;
    return n;
  }
  int purchaseCount() { return count("membercard_purchases"); }
  int cardCount() { return count("membercard_cards"); }
};

}  // namespace paynext::plugins::membercard::test
