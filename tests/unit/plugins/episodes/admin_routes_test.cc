#include "plugins/episodes/admin_routes.h"

#include "episodes_test_support.h"

namespace paynext::plugins::episodes::test {
namespace {

using Status = sdk::StepResult::Status;

class EpisodesAdminRoutesTest : public EpisodesTest {
 protected:
  sdk::RouteResponse admin(const std::string& method, const std::string& path, const std::string& params) {
    return h.callAs(sdk::Audience::Admin, method, path, params);
  }
};

TEST_F(EpisodesAdminRoutesTest, EveryAdminRouteHasAChineseTitle) {
  for (const auto& r : adminRoutes()) {
    EXPECT_EQ(r.audience, sdk::Audience::Admin);
    EXPECT_EQ(r.title, r.path == "/goods" ? "视频剧集商品" : "剧集解锁记录") << r.path;
  }
}

TEST_F(EpisodesAdminRoutesTest, AddsListsAndReplacesGoods) {
  h.clock().advance(1000);
  auto r = admin("POST", "/goods",
                 R"({"name":"剧A","price":1.5,"urls":["https://v.example/1","http://v.example/2"],"freeCount":"1"})");
  ASSERT_EQ(r.code, 0) << r.msg;
  auto goods = object(r);
  EXPECT_EQ(goods->getValue<Poco::Int64>("id"), 1);
  EXPECT_DOUBLE_EQ(goods->getValue<double>("price"), 1.5);
  EXPECT_EQ(goods->getValue<int>("count"), 2);
  EXPECT_EQ(goods->getValue<int>("freeCount"), 1);
  EXPECT_TRUE(goods->getValue<bool>("onSale"));
  EXPECT_EQ(goods->getArray("urls")->getElement<std::string>(1), "http://v.example/2");
  EXPECT_EQ(goods->getValue<Poco::Int64>("createdAt"), h.clock().now);

  // A console's text area: one address per line.
  h.clock().advance(1000);
  r = admin("PUT", "/goods",
            "{\"id\":\"1\",\"name\":\"剧A2\",\"price\":\"0.80\",\"urls\":\"https://v.example/a\\n\\n "
            "https://v.example/b \\nhttps://v.example/c\",\"onSale\":\"false\"}");
  ASSERT_EQ(r.code, 0) << r.msg;
  r = admin("GET", "/goods", R"({"id":1})");
  ASSERT_EQ(r.code, 0) << r.msg;
  goods = object(r);
  EXPECT_EQ(goods->getValue<std::string>("name"), "剧A2");
  EXPECT_DOUBLE_EQ(goods->getValue<double>("price"), 0.8);
  EXPECT_EQ(goods->getValue<int>("count"), 3);
  EXPECT_EQ(goods->getValue<int>("freeCount"), 0);
  EXPECT_FALSE(goods->getValue<bool>("onSale"));
  EXPECT_EQ(goods->getArray("urls")->getElement<std::string>(1), "https://v.example/b");
  EXPECT_EQ(goods->getValue<Poco::Int64>("updatedAt"), h.clock().now);
  EXPECT_EQ(goods->getValue<Poco::Int64>("createdAt"), h.clock().now - 1000);

  addGoods("剧B", "1", 1, 0);
  r = admin("GET", "/goods", "{}");
  ASSERT_EQ(array(r)->size(), 2u);  // off-sale goods included
  r = admin("GET", "/goods", R"({"offset":1,"limit":1})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::string>("name"), "剧B");
  r = admin("GET", "/goods", R"({"limit":501})");
  EXPECT_EQ(r.msg, "参数 limit 格式错误,应为1 到 500 之间的整数");
}

TEST_F(EpisodesAdminRoutesTest, RefusesBadGoodsNamingTheFieldAndStoresNothing) {
  const std::string urls = R"("urls":["https://v.example/1","https://v.example/2"])";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"price":1,)" + urls + "}", "缺少参数 name"},
      {R"({"name":"剧A",)" + urls + "}", "缺少参数 price"},
      {R"({"name":"剧A","price":0,)" + urls + "}", "参数 price 格式错误,应为大于 0 的金额"},
      {R"({"name":"剧A","price":"1.001",)" + urls + "}", "参数 price 格式错误,应为不超过两位小数的非负金额"},
      {R"({"name":"剧A","price":1})", "缺少参数 urls"},
      {R"({"name":"剧A","price":1,"urls":[]})", "缺少参数 urls"},
      {R"({"name":"剧A","price":1,"urls":5})", "参数 urls 格式错误,应为播放地址的数组"},
      {R"({"name":"剧A","price":1,"urls":[5]})", "参数 urls 格式错误,应为播放地址的数组"},
      {R"({"name":"剧A","price":1,"urls":["https://v.example/1","javascript:void"]})",
       "参数 urls 第 2 集的地址应以 http:// 或 https:// 开头"},
      {R"({"name":"剧A","price":1,)" + urls + R"(,"freeCount":3})", "参数 freeCount 格式错误,应为0 到 2 之间的整数"},
      {R"({"name":"剧A","price":1,)" + urls + R"(,"freeCount":-1})", "参数 freeCount 格式错误,应为0 到 2 之间的整数"},
      {R"({"name":"剧A","price":1,)" + urls + R"(,"onSale":"yes"})", "参数 onSale 格式错误,应为true 或 false"},
  };
  for (const auto& [json, message] : cases) {
    const auto r = admin("POST", "/goods", json);
    EXPECT_EQ(r.code, 300) << json;
    EXPECT_EQ(r.msg, message) << json;
  }
  std::string many = "[";
  for (int i = 1; i <= 1001; ++i) many += std::string(i > 1 ? "," : "") + "\"https://v.example/x\"";
  auto r = admin("POST", "/goods", R"({"name":"剧A","price":1,"urls":)" + many + "]}");
  EXPECT_EQ(r.msg, "参数 urls 最多包含 1000 集");
  EXPECT_EQ(goodsCount(), 0);

  const auto id = addGoods("剧A", "1", 2, 0);
  r = admin("PUT", "/goods", R"({"id":9,"name":"剧A","price":1,)" + urls + "}");
  EXPECT_EQ(r.code, 700);
  EXPECT_EQ(r.msg, "视频剧集商品 9 不存在");
  r = admin("PUT", "/goods", R"({"name":"剧A","price":1,)" + urls + "}");
  EXPECT_EQ(r.msg, "缺少参数 id");
  r = admin("PUT", "/goods", "{\"id\":" + std::to_string(id) + R"(,"name":"剧A","price":-1,)" + urls + "}");
  EXPECT_EQ(r.code, 300);
  EXPECT_DOUBLE_EQ(object(admin("GET", "/goods", R"({"id":1})"))->getValue<double>("price"), 1);
  EXPECT_EQ(goodsCount(), 1);
}

TEST_F(EpisodesAdminRoutesTest, GoodsOfAnotherFactoryAreNotSeen) {
  addGoods("剧A", "1", 2, 0);
  h.setFactory(2);
  EXPECT_EQ(array(admin("GET", "/goods", "{}"))->size(), 0u);
  auto r = admin("GET", "/goods", R"({"id":1})");
  EXPECT_EQ(r.code, 700);
  EXPECT_EQ(r.msg, "视频剧集商品 1 不存在");
  r = admin("PUT", "/goods", R"({"id":1,"name":"剧X","price":1,"urls":["https://v.example/1"]})");
  EXPECT_EQ(r.code, 700);
  h.setFactory(1);
  EXPECT_EQ(object(admin("GET", "/goods", R"({"id":1})"))->getValue<std::string>("name"), "剧A");
}

TEST_F(EpisodesAdminRoutesTest, ListsAndInspectsWhoUnlockedWhat) {
  const auto a = addGoods("剧A", "1", 5, 0), b = addGoods("剧B", "2", 5, 0);
  h.ledger().balance_ = 1000;
  const auto run = h.newPayment();
  ASSERT_EQ(h.execute(18, step(a, 2), run).status, Status::Done);
  h.users().add(2, "乙");
  h.setUser(2);
  h.ledger().balance_ = 1000;
  ASSERT_EQ(h.execute(18, step(b, 3)).status, Status::Done);

  auto r = admin("GET", "/unlocks", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 2u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<Poco::Int64>("userId"), 2);
  const auto first = array(r)->getObject(1);
  EXPECT_EQ(first->getValue<Poco::Int64>("userId"), 1);
  EXPECT_EQ(first->getValue<Poco::Int64>("goodsId"), a);
  EXPECT_EQ(first->getValue<int>("number"), 2);
  EXPECT_DOUBLE_EQ(first->getValue<double>("amount"), 1);
  EXPECT_EQ(first->getValue<std::string>("reference"), run.key);

  EXPECT_EQ(array(admin("GET", "/unlocks", R"({"userId":1})"))->size(), 1u);
  r = admin("GET", "/unlocks", "{\"goodsId\":" + std::to_string(b) + "}");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<Poco::Int64>("userId"), 2);
  EXPECT_EQ(array(admin("GET", "/unlocks", R"({"limit":1,"offset":1})"))->getObject(0)->getValue<Poco::Int64>("userId"),
            1);
  r = admin("GET", "/unlocks", R"({"id":1})");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r)->getValue<std::string>("name"), "剧A");
  r = admin("GET", "/unlocks", R"({"id":9})");
  EXPECT_EQ(r.code, 700);
  EXPECT_EQ(r.msg, "剧集解锁记录 9 不存在");
  r = admin("GET", "/unlocks", R"({"userId":7})");
  EXPECT_EQ(r.code, 700);
  EXPECT_EQ(r.msg, "用户 7 不存在");
  h.setFactory(2);
  EXPECT_EQ(array(admin("GET", "/unlocks", "{}"))->size(), 0u);
  EXPECT_EQ(admin("GET", "/unlocks", R"({"id":1})").code, 700);
}

}  // namespace
}  // namespace paynext::plugins::episodes::test
