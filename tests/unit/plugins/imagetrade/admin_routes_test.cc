#include "plugins/imagetrade/admin_routes.h"

#include "imagetrade_test_support.h"

namespace paynext::plugins::imagetrade::test {
namespace {

using sdk::Audience;

class AdminRoutesTest : public ImageTradeTest {
 protected:
  sdk::RouteResponse admin(const std::string& method, const std::string& path, const std::string& json = "{}") {
    return h.callAs(Audience::Admin, method, path, json);
  }
  Refusal refused(const std::string& method, const std::string& path, const std::string& json) {
    const auto r = admin(method, path, json);
    return Refusal(r.code, r.msg);
  }
};

TEST_F(AdminRoutesTest, EveryRouteHasATitleForTheConsole) {
  for (const auto& r : adminRoutes()) {
    EXPECT_EQ(r.audience, Audience::Admin) << r.path;
    EXPECT_FALSE(r.title.empty()) << r.path;
  }
  EXPECT_EQ(adminRoutes().front().title, "图片交易设置");
}

TEST_F(AdminRoutesTest, SettingsHaveDefaultsAndAreSaved) {
  auto r = admin("GET", "/settings");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_DOUBLE_EQ(object(r)->getValue<double>("minPrice"), 0.01);
  EXPECT_DOUBLE_EQ(object(r)->getValue<double>("maxPrice"), 10000);
  EXPECT_EQ(object(r)->getValue<int>("commissionPercent"), 0);
  saveSettings(R"({"minPrice":"0.5","maxPrice":200,"commissionPercent":"15"})");
  r = admin("GET", "/settings");
  EXPECT_DOUBLE_EQ(object(r)->getValue<double>("minPrice"), 0.5);
  EXPECT_DOUBLE_EQ(object(r)->getValue<double>("maxPrice"), 200);
  EXPECT_EQ(object(r)->getValue<int>("commissionPercent"), 15);
}

TEST_F(AdminRoutesTest, SettingsRefusalsNameTheFieldAndChangeNothing) {
  saveSettings(R"({"minPrice":1,"maxPrice":2,"commissionPercent":3})");
  EXPECT_EQ(refused("PUT", "/settings", R"({"maxPrice":2,"commissionPercent":3})"), Refusal(300, "缺少参数 minPrice"));
  EXPECT_EQ(refused("PUT", "/settings", R"({"minPrice":0,"maxPrice":2,"commissionPercent":3})"),
            Refusal(300, "参数 minPrice 格式错误,应为大于 0 的金额"));
  EXPECT_EQ(refused("PUT", "/settings", R"({"minPrice":5,"maxPrice":2,"commissionPercent":3})"),
            Refusal(300, "参数 maxPrice 格式错误,应为不小于 minPrice、不超过 100000000 元的金额"));
  EXPECT_EQ(refused("PUT", "/settings", R"({"minPrice":1,"maxPrice":2,"commissionPercent":101})"),
            Refusal(300, "参数 commissionPercent 格式错误,应为0 到 100 之间的整数"));
  EXPECT_EQ(refused("PUT", "/settings", R"({"minPrice":1,"maxPrice":2})"), Refusal(300, "缺少参数 commissionPercent"));
  const auto r = admin("GET", "/settings");
  EXPECT_DOUBLE_EQ(object(r)->getValue<double>("minPrice"), 1);
  EXPECT_EQ(object(r)->getValue<int>("commissionPercent"), 3);
}

TEST_F(AdminRoutesTest, ImagesAreListedAndInspectedWithOriginals) {
  publish("1", kSeller, "晚霞");
  const auto other = publish("2", 3, "星空");
  h.setUser(kBuyer);
  h.ledger().balance_ = 1000;
  ASSERT_EQ(h.execute(11, "{\"id\":" + std::to_string(buy(other)) + "}").status, Status::Done);
  auto r = admin("GET", "/images");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 2u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::string>("title"), "星空");
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::int64_t>("buyerId"), kBuyer);
  r = admin("GET", "/images", R"({"userId":2})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::string>("title"), "晚霞");
  r = admin("GET", "/images", R"({"status":"SOLD"})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::string>("originalUrl"), "https://img/o.jpg");
  EXPECT_EQ(refused("GET", "/images", R"({"status":"GONE"})"), Refusal(300, "参数 status 格式错误,应为ON_SALE 或 SOLD"));
  EXPECT_EQ(refused("GET", "/images", R"({"userId":42})"), Refusal(700, "用户 42 不存在"));
  EXPECT_EQ(refused("GET", "/images", R"({"limit":501})"), Refusal(300, "参数 limit 格式错误,应为1 到 500 之间的整数"));
  r = admin("GET", "/image", R"({"id":1})");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r)->getValue<std::string>("title"), "晚霞");
  EXPECT_EQ(refused("GET", "/image", R"({"id":9})"), Refusal(700, "图片 9 不存在"));
  h.setFactory(2);
  EXPECT_EQ(array(admin("GET", "/images"))->size(), 0u);
}

TEST_F(AdminRoutesTest, PurchasesAreListedAndInspected) {
  const auto image = publish("1");
  buy(image, 3);
  const auto mine = buy(image);
  auto r = admin("GET", "/purchases");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(array(r)->size(), 2u);
  r = admin("GET", "/purchases", R"({"userId":1})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::int64_t>("id"), mine);
  r = admin("GET", "/purchases", R"({"imageId":2})");
  EXPECT_EQ(array(r)->size(), 0u);
  r = admin("GET", "/purchase", "{\"id\":" + std::to_string(mine) + "}");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r)->getValue<std::int64_t>("buyerId"), kBuyer);
  EXPECT_EQ(object(r)->getValue<std::string>("status"), "UNPAID");
  EXPECT_EQ(refused("GET", "/purchase", R"({"id":9})"), Refusal(700, "图片交易购买记录 9 不存在"));
  EXPECT_EQ(refused("GET", "/purchase", "{}"), Refusal(300, "缺少参数 id"));
}

}  // namespace
}  // namespace paynext::plugins::imagetrade::test
