#pragma once
// Shared set-up for the knowledge plugin tests: a harness over
// KnowledgeModule, items published through the admin route, purchases opened
// through the user route, and a snapshot of knowledge_purchases.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <Poco/Tuple.h>
#include <gtest/gtest.h>

#include "paynext/sdk/testing/harness.h"
#include "plugins/knowledge/knowledge_module.h"

namespace paynext::plugins::knowledge::test {

using sdk::testing::refusal;
using Refusal = std::pair<int, std::string>;

class KnowledgeTest : public ::testing::Test {
 protected:
  sdk::testing::Harness h{std::make_shared<KnowledgeModule>()};

  static Poco::JSON::Object::Ptr object(const sdk::RouteResponse& r) {
    return r.data.extract<Poco::JSON::Object::Ptr>();
  }
  static Poco::JSON::Array::Ptr array(const sdk::RouteResponse& r) { return r.data.extract<Poco::JSON::Array::Ptr>(); }

  // Publishes an item through the admin route; price in yuan as admins write it.
  std::int64_t addItem(const std::string& title, const std::string& price, bool onSale = true) {
    const auto r = h.callAs(sdk::Audience::Admin, "POST", "/items",
                            R"({"title":")" + title + R"(","summary":")" + title + R"( 简介","price":")" + price +
                                R"(","content":")" + title + R"( 正文","onSale":)" + (onSale ? "true" : "false") +
                                "}");
    EXPECT_EQ(r.code, 0) << r.msg;
    return object(r)->getValue<Poco::Int64>("id");
  }

  void setOnSale(std::int64_t id, const std::string& title, const std::string& price, bool onSale) {
    const auto r = h.callAs(sdk::Audience::Admin, "PUT", "/items",
                            R"({"id":)" + std::to_string(id) + R"(,"title":")" + title + R"(","price":")" + price +
                                R"(","content":")" + title + R"( 正文","onSale":)" + (onSale ? "true" : "false") +
                                "}");
    ASSERT_EQ(r.code, 0) << r.msg;
  }

  // Opens the current user's purchase of an item through the user route.
  std::int64_t order(std::int64_t itemId) {
    const auto r =
        h.callAs(sdk::Audience::User, "POST", "/knowledge/order", R"({"itemId":)" + std::to_string(itemId) + "}");
    EXPECT_EQ(r.code, 0) << r.msg;
    return r.code == 0 ? object(r)->getValue<Poco::Int64>("id") : 0;
  }

  // Every purchase as "factory/user/item/status/amount/paidReference".
  std::vector<std::string> rows() {
    return h.rows("SELECT factory_id, user_id, item_id, status, amount, paid_reference FROM knowledge_purchases ORDER BY id");
  }

  int itemCount() {
    using namespace Poco::Data::Keywords;
    int n = 0;
    h.session() << "SELECT COUNT(*) FROM knowledge_items", into(n), now;
    return n;
  }
};

}  // namespace paynext::plugins::knowledge::test
