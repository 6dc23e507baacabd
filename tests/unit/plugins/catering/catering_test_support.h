#pragma once
// Shared set-up for the catering plugin tests: a harness over CateringModule
// with the SDK's in-memory coupons service, the menu and tables made through
// the admin routes, orders opened and filled through the user routes, and a
// snapshot of catering_orders.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <Poco/Tuple.h>
#include <gtest/gtest.h>

#include "paynext/sdk/testing/harness.h"
#include "paynext/sdk/testing/memory_coupons.h"
#include "plugins/catering/catering_module.h"

namespace paynext::plugins::catering::test {

using sdk::testing::refusal;
using Refusal = std::pair<int, std::string>;
using sdk::testing::MemoryCoupons;

class CateringTest : public ::testing::Test {
 protected:
  CateringTest() { h.services().provide<sdk::services::CouponsService>(coupons, "优惠券"); }

  sdk::testing::Harness h{std::make_shared<CateringModule>()};
  std::shared_ptr<MemoryCoupons> coupons = std::make_shared<MemoryCoupons>();

  static Poco::JSON::Object::Ptr object(const sdk::RouteResponse& r) {
    return r.data.extract<Poco::JSON::Object::Ptr>();
  }
  static Poco::JSON::Array::Ptr array(const sdk::RouteResponse& r) { return r.data.extract<Poco::JSON::Array::Ptr>(); }

  // A dish through the admin route; price in yuan as admins write it.
  std::int64_t addDish(const std::string& name, const std::string& price, bool onSale = true) {
    const auto r = h.callAs(sdk::Audience::Admin, "POST", "/dishes",
                            R"({"name":")" + name + R"(","price":")" + price + R"(","onSale":)" +
                                (onSale ? "true" : "false") + "}");
    EXPECT_EQ(r.code, 0) << r.msg;
    return r.code == 0 ? object(r)->getValue<Poco::Int64>("id") : 0;
  }

  std::int64_t addTable(const std::string& name, const std::string& code) {
    const auto r = h.callAs(sdk::Audience::Admin, "POST", "/tables", R"({"name":")" + name + R"(","code":")" + code + "\"}");
    EXPECT_EQ(r.code, 0) << r.msg;
    return r.code == 0 ? object(r)->getValue<Poco::Int64>("id") : 0;
  }

  // The current user's open order at the table of that code.
  std::int64_t openOrder(const std::string& code = "A1") {
    const auto r = h.callAs(sdk::Audience::User, "POST", "/catering/order/open", R"({"code":")" + code + "\"}");
    EXPECT_EQ(r.code, 0) << r.msg;
    return r.code == 0 ? object(r)->getValue<Poco::Int64>("id") : 0;
  }

  sdk::RouteResponse add(std::int64_t orderId, std::int64_t dishId, int quantity) {
    return h.callAs(sdk::Audience::User, "POST", "/catering/order/add",
                    "{\"orderId\":" + std::to_string(orderId) + ",\"dishId\":" + std::to_string(dishId) +
                        ",\"quantity\":" + std::to_string(quantity) + "}");
  }

  // A table A1, dishes 宫保鸡丁 28.00 and 米饭 2.00, and an order of the
  // current user with 1 and 2 of them: 32.00.
  std::int64_t orderOf32() {
    if (tableA1_ == 0) {
      tableA1_ = addTable("一号桌", "A1");
      chicken_ = addDish("宫保鸡丁", "28");
      rice_ = addDish("米饭", "2.00");
    }
    const auto id = openOrder("A1");
    EXPECT_EQ(add(id, chicken_, 1).code, 0);
    EXPECT_EQ(add(id, rice_, 2).code, 0);
    return id;
  }

  void giveCoupon(std::int64_t id, sdk::Fen money, sdk::Fen minAmount, std::int64_t userId = 1) {
    coupons->coupons[id] = MemoryCoupons::Held{userId, money, minAmount, ""};
  }

  // Every order as "factory/user/status/total/discount/paid/couponIds/paidReference".
  std::vector<std::string> rows() {
    return h.rows("SELECT factory_id, user_id, status, total, discount, paid, coupon_ids, paid_reference "
                  "FROM catering_orders ORDER BY id");
  }

  int count(const std::string& table) {
    using namespace Poco::Data::Keywords;
    int n = 0;
    h.session() << "SELECT COUNT(*) FROM " + table, into(n), now;
    return n;
  }

  std::int64_t tableA1_ = 0, chicken_ = 0, rice_ = 0;
};

}  // namespace paynext::plugins::catering::test
