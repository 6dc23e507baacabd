#pragma once
// Shared set-up for the imagetrade plugin tests: a harness over
// ImageTradeModule with a seller (user 2) and a buyer (user 1, the harness's
// own), helpers that publish and buy through the module's routes, and
// snapshots of its tables.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <Poco/JSON/Array.h>
#include <Poco/Tuple.h>
#include <gtest/gtest.h>

#include "paynext/sdk/testing/harness.h"
#include "plugins/imagetrade/imagetrade_module.h"

namespace paynext::plugins::imagetrade::test {

using Refusal = std::pair<int, std::string>;
using Status = sdk::StepResult::Status;
using sdk::testing::refusal;

constexpr std::int64_t kBuyer = 1;
constexpr std::int64_t kSeller = 2;

class ImageTradeTest : public ::testing::Test {
 protected:
  void SetUp() override { h.users().add(kSeller, "卖家"); }

  sdk::testing::Harness h{std::make_shared<ImageTradeModule>()};

  // Publishes as `seller`; returns the image id. The caller stays the buyer afterwards.
  std::int64_t publish(const std::string& price, std::int64_t seller = kSeller, const std::string& title = "日出") {
    h.setUser(seller);
    const auto r = h.callAs(sdk::Audience::User, "POST", "/imagetrade/image/publish",
                            R"({"title":")" + title + R"(","previewUrl":"https://img/p.jpg",)"
                            R"("originalUrl":"https://img/o.jpg","price":")" + price + "\"}");
    h.setUser(kBuyer);
    EXPECT_EQ(r.code, 0) << r.msg;
    return r.code == 0 ? object(r)->getValue<std::int64_t>("id") : 0;
  }

  // Buys as `buyer`; returns the purchase id. The caller is the buyer afterwards.
  std::int64_t buy(std::int64_t imageId, std::int64_t buyer = kBuyer) {
    h.setUser(buyer);
    const auto r = h.callAs(sdk::Audience::User, "POST", "/imagetrade/buy",
                            R"({"imageId":)" + std::to_string(imageId) + "}");
    EXPECT_EQ(r.code, 0) << r.msg;
    return r.code == 0 ? object(r)->getValue<std::int64_t>("id") : 0;
  }

  void saveSettings(const std::string& json) {
    const auto r = h.callAs(sdk::Audience::Admin, "PUT", "/settings", json);
    ASSERT_EQ(r.code, 0) << r.msg;
  }

  static Poco::JSON::Object::Ptr object(const sdk::RouteResponse& r) {
    return r.data.extract<Poco::JSON::Object::Ptr>();
  }
  static Poco::JSON::Array::Ptr array(const sdk::RouteResponse& r) { return r.data.extract<Poco::JSON::Array::Ptr>(); }

  // Every image as "factory/seller/title/price/status/buyer".
  std::vector<std::string> images() {
    return h.rows("SELECT factory_id, seller_id, title, price, status, buyer_id FROM imagetrade_images ORDER BY id");
  }

  // Every purchase as "factory/image/buyer/seller/price/commission/status/reference".
  std::vector<std::string> purchases() {
    return h.rows("SELECT factory_id, image_id, buyer_id, seller_id, price, commission, status, reference "
                  "FROM imagetrade_purchases ORDER BY id");
  }
};

}  // namespace paynext::plugins::imagetrade::test
