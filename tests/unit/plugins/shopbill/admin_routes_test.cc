#include "plugins/shopbill/admin_routes.h"

#include "shopbill_test_support.h"

namespace paynext::plugins::shopbill::test {
namespace {

class AdminRoutesTest : public ShopbillTest {
 protected:
  sdk::RouteResponse admin(const std::string& method, const std::string& path, const std::string& params) {
    return h.callAs(sdk::Audience::Admin, method, path, params);
  }
  void expectRefused(const std::string& method, const std::string& path, const std::string& params, int code,
                     const std::string& msg) {
    const auto before = shops();
    const auto r = admin(method, path, params);
    EXPECT_EQ(r.code, code) << params;
    EXPECT_EQ(r.msg, msg) << params;
    EXPECT_EQ(shops(), before);
  }
  // Pays a bill as `user` at `shop`, at the harness clock's now.
  void pay(std::int64_t user, std::int64_t shop, const std::string& money) {
    h.setUser(user);
    h.ledger().balance_ = 10000000;
    const auto r = h.execute(4, step(shop, money));
    ASSERT_EQ(r.status, Status::Done) << r.reason;
  }
};

TEST_F(AdminRoutesTest, CreatesAShopWithItsRule) {
  const auto r = admin("POST", "/shops",
                       R"({"name":"东门店","percentOff":"12","tiers":[{"threshold":"200","off":"30"},)"
                       R"({"threshold":100,"off":10}],"dateStart":"2023-11-01","dateEnd":"2023-12-31 20:00:00"})");
  ASSERT_EQ(r.code, 0) << r.msg;
  const auto shop = object(r);
  EXPECT_EQ(shop->getValue<Poco::Int64>("id"), 1);
  EXPECT_EQ(shop->getValue<std::string>("name"), "东门店");
  EXPECT_TRUE(shop->getValue<bool>("enabled"));
  EXPECT_EQ(shop->getValue<int>("percentOff"), 12);
  // Tiers come back sorted by threshold.
  EXPECT_DOUBLE_EQ(shop->getArray("tiers")->getObject(0)->getValue<double>("threshold"), 100);
  EXPECT_DOUBLE_EQ(shop->getArray("tiers")->getObject(1)->getValue<double>("off"), 30);
  EXPECT_EQ(shop->getValue<std::string>("dateStart"), "2023-11-01 00:00:00");
  EXPECT_EQ(shop->getValue<std::string>("dateEnd"), "2023-12-31 20:00:00");
  EXPECT_TRUE(shop->getValue<bool>("discountActive"));
  EXPECT_EQ(shop->getValue<Poco::Int64>("createdAt"), h.clock().now);
  EXPECT_EQ(shops(), std::vector<std::string>{"1/东门店/1/12/10000:1000,20000:3000/1698768000000/1704024000000"});
  // Tiers as a form field's string too; defaults: on, no rule, no dates.
  ASSERT_EQ(admin("POST", "/shops", R"({"name":"西门店","tiers":"[{\"threshold\":\"50\",\"off\":\"5\"}]"})").code, 0);
  ASSERT_EQ(admin("POST", "/shops", R"({"name":"北门店"})").code, 0);
  EXPECT_EQ(shops()[1], "1/西门店/1/0/5000:500/0/0");
  EXPECT_EQ(shops()[2], "1/北门店/1/0//0/0");
}

TEST_F(AdminRoutesTest, RefusesABadShopNamingTheFieldAndStoresNothing) {
  expectRefused("POST", "/shops", "{}", 300, "缺少参数 name");
  expectRefused("POST", "/shops", R"({"name":")" + std::string(101, 'x') + "\"}", 300, "参数 name 不能超过 100 字节");
  expectRefused("POST", "/shops", R"({"name":"店","percentOff":101})", 300,
                "参数 percentOff 格式错误,应为0 到 100 之间的整数(减免的百分比,12 为八八折)");
  expectRefused("POST", "/shops", R"({"name":"店","percentOff":-1})", 300,
                "参数 percentOff 格式错误,应为0 到 100 之间的整数(减免的百分比,12 为八八折)");
  expectRefused("POST", "/shops", R"({"name":"店","enabled":"yes"})", 300,
                "参数 enabled 格式错误,应为true 或 false");
  const std::string tiersShape = "参数 tiers 格式错误,应为满减档位数组,如 [{\"threshold\":\"100\",\"off\":\"10\"}]";
  expectRefused("POST", "/shops", R"({"name":"店","tiers":5})", 300, tiersShape);
  expectRefused("POST", "/shops", R"({"name":"店","tiers":"[oops"})", 300, tiersShape);
  expectRefused("POST", "/shops", R"({"name":"店","tiers":[1]})", 300,
                "参数 tiers[0] 格式错误,应为含 threshold 与 off 的对象");
  expectRefused("POST", "/shops", R"({"name":"店","tiers":[{"off":"1"}]})", 300, "缺少参数 threshold");
  expectRefused("POST", "/shops", R"({"name":"店","tiers":[{"threshold":"1","off":"1.005"}]})", 300,
                "参数 off 格式错误,应为不超过两位小数的非负金额");
  expectRefused("POST", "/shops", R"({"name":"店","tiers":[{"threshold":"10","off":"10.01"}]})", 300,
                "参数 tiers[0] 的 off 应大于 0 且不超过 threshold");
  expectRefused("POST", "/shops", R"({"name":"店","tiers":[{"threshold":"10","off":"0"}]})", 300,
                "参数 tiers[0] 的 off 应大于 0 且不超过 threshold");
  expectRefused("POST", "/shops",
                R"({"name":"店","tiers":[{"threshold":"10","off":"1"},{"threshold":"10.00","off":"2"}]})", 300,
                "参数 tiers[1] 的 threshold 与其他档位重复");
  std::string eleven;
  for (int i = 1; i <= 11; ++i) eleven += std::string(i > 1 ? "," : "") + R"({"threshold":)" + std::to_string(i) + R"(,"off":1})";
  expectRefused("POST", "/shops", R"({"name":"店","tiers":[)" + eleven + "]}", 300, "参数 tiers 最多 10 档");
  expectRefused("POST", "/shops", R"({"name":"店","dateStart":"2023-13-01"})", 300,
                "参数 dateStart 格式错误,应为yyyy-MM-dd 或 yyyy-MM-dd HH:mm:ss 格式的时间");
  expectRefused("POST", "/shops", R"({"name":"店","dateStart":"2023-11-02","dateEnd":"2023-11-01"})", 300,
                "参数 dateEnd 格式错误,应为不早于 dateStart 的时间");
  EXPECT_TRUE(shops().empty());
}

TEST_F(AdminRoutesTest, ReplacesAShopAndFindsOne) {
  const auto id = addShop("东门店", R"("percentOff":12)");
  h.clock().advance(1000);
  const auto r = admin("PUT", "/shops", R"({"id":)" + std::to_string(id) + R"(,"name":"东门旗舰店","enabled":false})");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_FALSE(object(r)->getValue<bool>("enabled"));
  EXPECT_EQ(object(r)->getValue<Poco::Int64>("updatedAt"), h.clock().now);
  EXPECT_EQ(object(r)->getValue<Poco::Int64>("createdAt"), h.clock().now - 1000);
  EXPECT_EQ(shops(), std::vector<std::string>{"1/东门旗舰店/0/0//0/0"});
  const auto one = admin("GET", "/shops", R"({"id":)" + std::to_string(id) + "}");
  ASSERT_EQ(one.code, 0);
  EXPECT_EQ(object(one)->getValue<std::string>("name"), "东门旗舰店");
  expectRefused("PUT", "/shops", R"({"id":9,"name":"x"})", 700, "门店 9 不存在");
  expectRefused("PUT", "/shops", R"({"name":"x"})", 300, "缺少参数 id");
  EXPECT_EQ(admin("GET", "/shops", R"({"id":9})").msg, "门店 9 不存在");
  // Another factory's admin sees neither the shop nor can replace it.
  h.setFactory(2);
  EXPECT_EQ(admin("GET", "/shops", R"({"id":)" + std::to_string(id) + "}").code, 700);
  expectRefused("PUT", "/shops", R"({"id":)" + std::to_string(id) + R"(,"name":"x"})", 700,
                "门店 " + std::to_string(id) + " 不存在");
  EXPECT_EQ(array(admin("GET", "/shops", "{}"))->size(), 0u);
}

TEST_F(AdminRoutesTest, ListsShopsPaged) {
  addShop("A"), addShop("B"), addShop("C");
  const auto r = admin("GET", "/shops", R"({"offset":1,"limit":1})");
  ASSERT_EQ(r.code, 0);
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::string>("name"), "B");
  EXPECT_EQ(array(admin("GET", "/shops", "{}"))->size(), 3u);
  EXPECT_EQ(admin("GET", "/shops", R"({"limit":501})").msg, "参数 limit 格式错误,应为1 到 500 之间的整数");
}

TEST_F(AdminRoutesTest, ListsBillsOfAShopOrAUserAndFindsOne) {
  const auto east = addShop("东门店", R"("percentOff":10)"), west = addShop("西门店");
  h.users().add(2);
  pay(1, east, "100");
  pay(2, east, "50");
  pay(1, west, "8");
  auto r = admin("GET", "/bills", R"({"shopId":)" + std::to_string(east) + "}");
  ASSERT_EQ(r.code, 0) << r.msg;
  auto list = array(r);
  ASSERT_EQ(list->size(), 2u);
  const auto latest = list->getObject(0);
  EXPECT_EQ(latest->getValue<Poco::Int64>("userId"), 2);
  EXPECT_DOUBLE_EQ(latest->getValue<double>("money"), 50);
  EXPECT_DOUBLE_EQ(latest->getValue<double>("discount"), 5);
  EXPECT_DOUBLE_EQ(latest->getValue<double>("paid"), 45);
  EXPECT_EQ(latest->getValue<std::string>("day"), "2023-11-15");
  EXPECT_EQ(latest->getValue<std::string>("stepKey"), "PNSTEP2-0");
  EXPECT_EQ(array(admin("GET", "/bills", R"({"userId":1})"))->size(), 2u);
  EXPECT_EQ(array(admin("GET", "/bills", R"({"userId":1,"shopId":)" + std::to_string(west) + "}"))->size(), 1u);
  EXPECT_EQ(array(admin("GET", "/bills", R"({"limit":2,"offset":2})"))->size(), 1u);
  r = admin("GET", "/bills", R"({"id":1})");
  ASSERT_EQ(r.code, 0);
  EXPECT_EQ(object(r)->getValue<std::string>("shopName"), "东门店");
  EXPECT_EQ(admin("GET", "/bills", R"({"id":9})").msg, "买单记录 9 不存在");
  EXPECT_EQ(admin("GET", "/bills", R"({"shopId":9})").msg, "门店 9 不存在");
  EXPECT_EQ(admin("GET", "/bills", R"({"userId":7})").msg, "用户 7 不存在");
  h.setFactory(2);
  EXPECT_EQ(array(admin("GET", "/bills", "{}"))->size(), 0u);
  EXPECT_EQ(admin("GET", "/bills", R"({"id":1})").code, 700);
}

TEST_F(AdminRoutesTest, TotalsPerShopAndChinaDay) {
  const auto east = addShop("东门店", R"("percentOff":10)"), west = addShop("西门店");
  // 2023-11-15 06:13:20 China time.
  pay(1, east, "100");
  pay(1, east, "0.01");
  pay(1, west, "20");
  // 2023-11-15 23:59:59.999 and 2023-11-16 00:00:00.000 China time.
  h.clock().now = 1700063999999;
  pay(1, east, "10");
  h.clock().advance(1);
  pay(1, east, "30");
  auto r = admin("GET", "/totals", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  auto list = array(r);
  ASSERT_EQ(list->size(), 3u);
  auto row = list->getObject(0);
  EXPECT_EQ(row->getValue<std::string>("day"), "2023-11-16");
  EXPECT_EQ(row->getValue<Poco::Int64>("shopId"), east);
  EXPECT_EQ(row->getValue<std::string>("shopName"), "东门店");
  EXPECT_EQ(row->getValue<Poco::Int64>("count"), 1);
  EXPECT_DOUBLE_EQ(row->getValue<double>("money"), 30);
  EXPECT_DOUBLE_EQ(row->getValue<double>("paid"), 27);
  row = list->getObject(1);
  EXPECT_EQ(row->getValue<std::string>("day"), "2023-11-15");
  EXPECT_EQ(row->getValue<Poco::Int64>("shopId"), east);
  EXPECT_EQ(row->getValue<Poco::Int64>("count"), 3);
  EXPECT_DOUBLE_EQ(row->getValue<double>("money"), 110.01);  // 100 + 0.01 + 10
  EXPECT_DOUBLE_EQ(row->getValue<double>("discount"), 11.01);  // 10 + 0.01 + 1
  EXPECT_DOUBLE_EQ(row->getValue<double>("paid"), 99);
  row = list->getObject(2);
  EXPECT_EQ(row->getValue<Poco::Int64>("shopId"), west);
  EXPECT_DOUBLE_EQ(row->getValue<double>("paid"), 20);

  // Per shop over every day; one shop; a range of days.
  list = array(admin("GET", "/totals", R"({"per":"shop"})"));
  ASSERT_EQ(list->size(), 2u);
  EXPECT_FALSE(list->getObject(0)->has("day"));
  EXPECT_EQ(list->getObject(0)->getValue<Poco::Int64>("count"), 4);
  EXPECT_DOUBLE_EQ(list->getObject(0)->getValue<double>("money"), 140.01);
  EXPECT_EQ(list->getObject(1)->getValue<Poco::Int64>("count"), 1);
  EXPECT_EQ(array(admin("GET", "/totals", R"({"shopId":)" + std::to_string(west) + "}"))->size(), 1u);
  list = array(admin("GET", "/totals", R"({"dateFrom":"2023-11-16","dateTo":"2023-11-16"})"));
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->getObject(0)->getValue<std::string>("day"), "2023-11-16");
  EXPECT_EQ(array(admin("GET", "/totals", R"({"dateTo":"2023-11-14"})"))->size(), 0u);
  EXPECT_EQ(array(admin("GET", "/totals", R"({"limit":1,"offset":2})"))->size(), 1u);

  EXPECT_EQ(admin("GET", "/totals", R"({"per":"month"})").msg, "参数 per 格式错误,应为day(按门店按天)或 shop(按门店)");
  EXPECT_EQ(admin("GET", "/totals", R"({"dateFrom":"2023-11-1"})").msg,
            "参数 dateFrom 格式错误,应为yyyy-MM-dd 格式的日期");
  EXPECT_EQ(admin("GET", "/totals", R"({"shopId":9})").code, 700);
  h.setFactory(2);
  EXPECT_EQ(array(admin("GET", "/totals", "{}"))->size(), 0u);
}

TEST_F(AdminRoutesTest, RoutesCarryTheirConsoleTitles) {
  std::vector<std::string> titles;
  for (const auto& r : ShopbillModule().routes()) {
    if (r.audience == sdk::Audience::Admin) titles.push_back(r.method + " " + r.path + " " + r.title);
  }
  EXPECT_EQ(titles, (std::vector<std::string>{"GET /shops 门店与优惠规则", "POST /shops 门店与优惠规则",
                                              "PUT /shops 门店与优惠规则", "GET /bills 买单记录",
                                              "GET /totals 买单统计"}));
}

}  // namespace
}  // namespace paynext::plugins::shopbill::test
