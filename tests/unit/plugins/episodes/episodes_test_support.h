#pragma once
// Shared set-up for the episodes plugin tests: a harness over EpisodesModule,
// goods kept through the admin route, and a snapshot of episodes_unlocks.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <Poco/Tuple.h>
#include <gtest/gtest.h>

#include "paynext/sdk/testing/harness.h"
#include "plugins/episodes/episodes_module.h"

namespace paynext::plugins::episodes::test {

using sdk::testing::refusal;
using Refusal = std::pair<int, std::string>;

class EpisodesTest : public ::testing::Test {
 protected:
  sdk::testing::Harness h{std::make_shared<EpisodesModule>()};

  static Poco::JSON::Object::Ptr object(const sdk::RouteResponse& r) {
    return r.data.extract<Poco::JSON::Object::Ptr>();
  }
  static Poco::JSON::Array::Ptr array(const sdk::RouteResponse& r) { return r.data.extract<Poco::JSON::Array::Ptr>(); }

  // ["https://v.example/<name>/1", ...] as JSON, `count` of them.
  static std::string urls(const std::string& name, int count) {
    std::string out = "[";
    for (int i = 1; i <= count; ++i) out += (i > 1 ? "," : "") + ("\"https://v.example/" + name + "/" + std::to_string(i) + "\"");
    return out + "]";
  }

  static std::string goodsJson(const std::string& name, const std::string& price, int count, int freeCount,
                               bool onSale) {
    return R"({"name":")" + name + R"(","price":")" + price + R"(","urls":)" + urls(name, count) +
           R"(,"freeCount":)" + std::to_string(freeCount) + R"(,"onSale":)" + (onSale ? "true" : "false") + "}";
  }

  // Adds a goods through the admin route; price in yuan as admins write it.
  std::int64_t addGoods(const std::string& name, const std::string& price, int count, int freeCount,
                        bool onSale = true) {
    const auto r = h.callAs(sdk::Audience::Admin, "POST", "/goods", goodsJson(name, price, count, freeCount, onSale));
    EXPECT_EQ(r.code, 0) << r.msg;
    return r.code == 0 ? object(r)->getValue<Poco::Int64>("id") : 0;
  }

  void replaceGoods(std::int64_t id, const std::string& name, const std::string& price, int count, int freeCount,
                    bool onSale) {
    auto json = goodsJson(name, price, count, freeCount, onSale);
    json.insert(1, "\"id\":" + std::to_string(id) + ",");
    const auto r = h.callAs(sdk::Audience::Admin, "PUT", "/goods", json);
    ASSERT_EQ(r.code, 0) << r.msg;
  }

  static std::string step(std::int64_t goodsId, std::int64_t number) {
    return R"({"goodsId":)" + std::to_string(goodsId) + R"(,"number":)" + std::to_string(number) + "}";
  }

  // Every unlock as "factory/user/goods/number/amount/reference".
  std::vector<std::string> rows() {
    return h.rows("SELECT factory_id, user_id, goods_id, number, amount, reference FROM episodes_unlocks ORDER BY id");
  }

  int goodsCount() {
    using namespace Poco::Data::Keywords;
    int n = 0;
    h.session() << "SELECT COUNT(*) FROM episodes_goods", into(n), now;
    return n;
  }
};

}  // namespace paynext::plugins::episodes::test
